import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Badge, Button, Image, Popconfirm, Space, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { imagesOf, listCategories, listProducts, type AdminProduct } from '../../api/catalog';
import { yuan } from '../../format';
import { useAction, useLoad } from '../../hooks';

function priceRange(p: AdminProduct): string {
  const prices = p.skus.map((s) => s.priceFen);
  if (!prices.length) return '-';
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  return lo === hi ? yuan(lo) : `${yuan(lo)} ~ ${yuan(hi)}`;
}

export function ProductsPage() {
  const navigate = useNavigate();
  const table = useRef<ActionType>();
  const categories = useLoad(listCategories);
  const run = useAction();
  const categoryName = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c.name])), [categories.data]);

  const toggle = async (p: AdminProduct, onSale: boolean) => {
    const ok = await run(
      () => api(`/admin/products/${p.id}`, { method: 'PATCH', body: { onSale } }),
      onSale ? '已上架' : '已下架',
    );
    if (ok !== undefined) await table.current?.reload();
  };

  const columns: ProColumns<AdminProduct>[] = [
    {
      title: '图片',
      dataIndex: 'imageUrl',
      width: 72,
      search: false,
      render: (_, p) => {
        const src = imagesOf(p)[0];
        return src ? <Image src={src} width={48} height={48} style={{ objectFit: 'cover' }} /> : '-';
      },
    },
    {
      title: '商品名称',
      dataIndex: 'name',
      render: (_, p) => <Link to={`/catalog/products/${p.id}`}>{p.name}</Link>,
    },
    {
      title: '类目',
      dataIndex: 'categoryId',
      valueType: 'select',
      fieldProps: { options: (categories.data ?? []).map((c) => ({ label: c.name, value: c.id })) },
      render: (_, p) => categoryName.get(p.categoryId) ?? '-',
    },
    { title: '价格', key: 'price', search: false, render: (_, p) => priceRange(p) },
    { title: '规格数', key: 'skus', search: false, render: (_, p) => p.skus.length },
    {
      title: '总库存',
      key: 'stock',
      search: false,
      render: (_, p) => p.skus.reduce((n, s) => n + s.stock, 0),
    },
    {
      title: '状态',
      dataIndex: 'onSale',
      valueType: 'select',
      valueEnum: { true: { text: '在售' }, false: { text: '已下架' } },
      render: (_, p) =>
        p.onSale === false ? <Badge status="default" text="已下架" /> : <Badge status="success" text="在售" />,
    },
    {
      title: '操作',
      key: 'actions',
      search: false,
      width: 160,
      render: (_, p) => (
        <Space>
          <Link to={`/catalog/products/${p.id}`}>编辑</Link>
          {p.onSale === false ? (
            <Typography.Link onClick={() => toggle(p, true)} data-testid={`on-sale-${p.id}`}>
              上架
            </Typography.Link>
          ) : (
            <Popconfirm title="确定下架该商品？下架后顾客将看不到它。" onConfirm={() => toggle(p, false)}>
              <Typography.Link type="danger">下架</Typography.Link>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer>
      <ProTable<AdminProduct>
        rowKey="id"
        headerTitle="商品列表"
        columns={columns}
        actionRef={table}
        search={{ labelWidth: 'auto' }}
        request={async (params) => {
          const all = await listProducts();
          const data = all.filter(
            (p) =>
              (!params.name || p.name.includes(String(params.name))) &&
              (!params.categoryId || p.categoryId === params.categoryId) &&
              (params.onSale === undefined || String(p.onSale !== false) === String(params.onSale)),
          );
          return { data, success: true, total: data.length };
        }}
        pagination={{ pageSize: 10 }}
        options={{ density: false, setting: false }}
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/catalog/products/new')}>
            新建商品
          </Button>,
        ]}
      />
    </PageContainer>
  );
}

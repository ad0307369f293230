import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Form, Input, InputNumber, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { getProduct, imagesOf, listCategories, type AdminProduct } from '../../api/catalog';
import type { Sku } from '../../api/types';
import { ImageUpload } from '../../components/ImageUpload';
import { percent, toFen, yuan } from '../../format';
import { yuanRules } from '../../components/form-rules';
import { useAction, useLoad } from '../../hooks';
import { SkuPriceModal, SkuStockModal } from './SkuModals';

interface ProductFormValues {
  name: string;
  categoryId: string;
  commissionPercent?: number | null;
  description?: string;
  imageUrls: string[];
  onSale: boolean;
  skus?: Array<{ name: string; price: string; stock: number }>;
}

/** Percent typed in the form (e.g. 8.5) → basis points, exactly (two decimals at most). */
function percentToBps(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const fen = toFen(String(value));
  return fen;
}

export function ProductEditPage() {
  const { id } = useParams();
  const creating = !id || id === 'new';
  const navigate = useNavigate();
  const run = useAction();
  const [form] = Form.useForm<ProductFormValues>();
  const [saving, setSaving] = useState(false);
  const [priceSku, setPriceSku] = useState<Sku | null>(null);
  const [stockSku, setStockSku] = useState<Sku | null>(null);
  const categories = useLoad(listCategories);
  const product = useLoad<AdminProduct | null>(() => (creating ? Promise.resolve(null) : getProduct(id!)), [id]);

  useEffect(() => {
    const p = product.data;
    if (!p) return;
    form.setFieldsValue({
      name: p.name,
      categoryId: p.categoryId,
      commissionPercent:
        p.commissionRateBps === null || p.commissionRateBps === undefined ? null : p.commissionRateBps / 100,
      description: p.description ?? '',
      imageUrls: imagesOf(p),
      onSale: p.onSale !== false,
    });
  }, [product.data, form]);

  const save = async (v: ProductFormValues) => {
    const commissionRateBps = percentToBps(v.commissionPercent);
    const manage = {
      imageUrls: v.imageUrls ?? [],
      onSale: v.onSale,
      ...(v.description ? { description: v.description } : {}),
    };
    setSaving(true);
    try {
      if (creating) {
        const skus = (v.skus ?? []).map((s) => ({ name: s.name, priceFen: toFen(s.price)!, stock: s.stock }));
        const created = await run(
          () =>
            api<AdminProduct>('/admin/products', {
              method: 'POST',
              body: {
                name: v.name,
                categoryId: v.categoryId,
                ...(commissionRateBps !== null ? { commissionRateBps } : {}),
                ...manage,
                skus,
              },
            }),
          '商品已创建',
        );
        if (created) navigate(`/catalog/products/${created.id}`, { replace: true });
      } else {
        const ok = await run(
          () =>
            api(`/admin/products/${id}`, {
              method: 'PATCH',
              body: {
                name: v.name,
                categoryId: v.categoryId,
                ...manage,
                ...(commissionRateBps !== null ? { commissionRateBps } : {}),
              },
            }),
          '已保存',
        );
        if (ok !== undefined) await product.reload();
      }
    } finally {
      setSaving(false);
    }
  };

  if (!creating && product.loading && !product.data) return <Spin style={{ display: 'block', margin: '120px auto' }} />;
  if (!creating && product.error) return <Alert type="error" showIcon message={product.error.message} />;

  return (
    <PageContainer
      title={creating ? '新建商品' : `编辑商品：${product.data?.name ?? ''}`}
      onBack={() => navigate('/catalog/products')}
    >
      <Form<ProductFormValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ onSale: true, imageUrls: [], skus: [{ name: '默认规格', price: '', stock: 100 }] }}
      >
        <ProCard title="基本信息" headerBordered style={{ marginBottom: 16 }}>
          <Space size="large" wrap align="start">
            <Form.Item
              name="name"
              label="商品名称"
              rules={[{ required: true, message: '请输入商品名称' }]}
              style={{ width: 360 }}
            >
              <Input maxLength={100} placeholder="例如：玻尿酸保湿精华 30ml" data-testid="product-name" />
            </Form.Item>
            <Form.Item
              name="categoryId"
              label="类目"
              rules={[{ required: true, message: '请选择类目' }]}
              style={{ width: 220 }}
            >
              <Select
                placeholder="请选择类目"
                options={(categories.data ?? []).map((c) => ({
                  label: c.commissionRateBps === null ? c.name : `${c.name}（佣金 ${percent(c.commissionRateBps)}）`,
                  value: c.id,
                }))}
                data-testid="product-category"
              />
            </Form.Item>
            <Form.Item
              name="commissionPercent"
              label="商品佣金比例（%）"
              tooltip="留空则按类目或策略的默认比例"
              style={{ width: 200 }}
            >
              <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} placeholder="留空使用默认" />
            </Form.Item>
            <Form.Item name="onSale" label="上架状态" valuePropName="checked">
              <Switch checkedChildren="在售" unCheckedChildren="下架" data-testid="product-on-sale" />
            </Form.Item>
          </Space>
          <Form.Item name="description" label="商品描述">
            <Input.TextArea rows={3} maxLength={2000} placeholder="选填" />
          </Form.Item>
          <Form.Item name="imageUrls" label="商品图片" extra="PNG、JPEG 或 WebP，单张不超过 5 MB；第一张为主图">
            <ImageUpload />
          </Form.Item>
        </ProCard>

        {creating ? (
          <ProCard title="规格与价格" headerBordered style={{ marginBottom: 16 }}>
            <Form.List
              name="skus"
              rules={[
                { validator: async (_, v) => (v?.length ? undefined : Promise.reject(new Error('至少需要一个规格'))) },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field, i) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={i === 0 ? '规格名称' : undefined}
                        rules={[{ required: true, message: '请输入规格名称' }]}
                      >
                        <Input placeholder="如 30ml" style={{ width: 200 }} data-testid={`sku-name-${i}`} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'price']}
                        label={i === 0 ? '售价（元）' : undefined}
                        rules={yuanRules('请输入售价', '售价须为大于 0 的金额，最多两位小数')}
                      >
                        <Input prefix="¥" placeholder="0.00" style={{ width: 160 }} data-testid={`sku-price-${i}`} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'stock']}
                        label={i === 0 ? '初始库存' : undefined}
                        rules={[{ required: true, message: '请输入库存' }]}
                      >
                        <InputNumber min={0} precision={0} style={{ width: 140 }} data-testid={`sku-stock-${i}`} />
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                    </Space>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', price: '', stock: 0 })}>
                    添加规格
                  </Button>
                </>
              )}
            </Form.List>
          </ProCard>
        ) : (
          <ProCard title="规格、价格与库存" headerBordered style={{ marginBottom: 16 }}>
            <Table<Sku>
              rowKey="id"
              pagination={false}
              dataSource={product.data?.skus ?? []}
              columns={[
                { title: '规格', dataIndex: 'name' },
                {
                  title: '售价',
                  dataIndex: 'priceFen',
                  render: (v: number) => <span data-testid="sku-price">{yuan(v)}</span>,
                },
                { title: '库存', dataIndex: 'stock' },
                {
                  title: '操作',
                  key: 'op',
                  render: (_, sku) => (
                    <Space>
                      <Typography.Link onClick={() => setPriceSku(sku)} data-testid={`sku-edit-price-${sku.id}`}>
                        改价
                      </Typography.Link>
                      <Typography.Link onClick={() => setStockSku(sku)} data-testid={`sku-stock-adjust-${sku.id}`}>
                        调整库存
                      </Typography.Link>
                    </Space>
                  ),
                },
              ]}
            />
          </ProCard>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="product-save">
            {creating ? '创建商品' : '保存'}
          </Button>
          <Button onClick={() => navigate('/catalog/products')}>返回列表</Button>
        </Space>
      </Form>
      <SkuPriceModal sku={priceSku} onClose={() => setPriceSku(null)} onDone={() => void product.reload()} />
      <SkuStockModal sku={stockSku} onClose={() => setStockSku(null)} onDone={() => void product.reload()} />
    </PageContainer>
  );
}

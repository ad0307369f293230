import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Badge, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { api, errorText } from '../../api/client';
import type { Order, OrderPage } from '@guideshare/contracts';
import { useAuth } from '../../auth';
import { CHANNEL, dateTime, ORDER_STATUS, orderNumber, RULE, yuan } from '../../format';
import { useGuideNames, useStores } from '../../hooks';

export function OrdersPage() {
  const { session } = useAuth();
  const { message } = App.useApp();
  const stores = useStores();
  const guides = useGuideNames(session?.role);
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);

  const columns: ProColumns<Order>[] = [
    {
      title: '订单号',
      dataIndex: 'orderNo',
      fieldProps: { placeholder: '14 位订单号' },
      render: (_, o) => (
        <Link to={`/orders/${o.id}`} title={o.id}>
          {orderNumber(o)}
        </Link>
      ),
    },
    {
      title: '下单时间',
      dataIndex: 'createdAt',
      valueType: 'dateRange',
      render: (_, o) => dateTime(o.createdAt),
      search: { transform: (v: [string, string]) => ({ from: v[0], to: v[1] }) },
    },
    {
      title: '渠道',
      dataIndex: 'channel',
      valueType: 'select',
      valueEnum: { online: { text: CHANNEL.online }, store: { text: CHANNEL.store } },
      render: (_, o) => <Tag color={o.channel === 'online' ? 'blue' : 'purple'}>{CHANNEL[o.channel]}</Tag>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(ORDER_STATUS).map(([k, v]) => [k, { text: v.text }])),
      render: (_, o) => (
        <Badge status={ORDER_STATUS[o.status]?.status ?? 'default'} text={ORDER_STATUS[o.status]?.text ?? '未知'} />
      ),
    },
    {
      title: '门店',
      dataIndex: 'storeId',
      valueType: 'select',
      fieldProps: { options: (stores.data ?? []).map((s) => ({ label: s.name, value: s.id })) },
      render: (_, o) => (o.storeId ? (storeName.get(o.storeId) ?? '-') : '-'),
    },
    {
      title: '业绩导购',
      dataIndex: 'guideId',
      valueType: 'select',
      fieldProps: {
        showSearch: true,
        options: [...(guides.data ?? new Map()).entries()].map(([id, name]) => ({ label: name, value: id })),
      },
      render: (_, o) => (o.attribution?.guideId ? (guides.data?.get(o.attribution.guideId) ?? '-') : '-'),
    },
    {
      title: '归因',
      key: 'rule',
      search: false,
      render: (_, o) => RULE[o.attribution?.rule ?? 'none'] ?? '-',
    },
    { title: '小票号', dataIndex: 'receiptNo', hideInTable: true },
    { title: '金额', dataIndex: 'totalFen', search: false, align: 'right', render: (_, o) => yuan(o.totalFen) },
    {
      title: '已退款',
      dataIndex: 'refundedFen',
      search: false,
      align: 'right',
      render: (_, o) => (o.refundedFen ? yuan(o.refundedFen) : '-'),
    },
    { title: '操作', key: 'op', search: false, render: (_, o) => <Link to={`/orders/${o.id}`}>详情</Link> },
  ];

  return (
    <PageContainer>
      <ProTable<Order>
        rowKey="id"
        headerTitle="订单列表"
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        options={{ density: false, setting: false }}
        pagination={{ pageSize: 20 }}
        request={async (params) => {
          try {
            const range = (d: string | undefined, end: boolean) =>
              d ? (end ? dayjs(d).endOf('day') : dayjs(d).startOf('day')).toISOString() : undefined;
            const page = await api<OrderPage>('/admin/orders', {
              query: {
                status: params.status,
                channel: params.channel,
                storeId: params.storeId,
                guideId: params.guideId,
                receiptNo: params.receiptNo,
                orderNo: params.orderNo,
                from: range(params.from as string | undefined, false),
                to: range(params.to as string | undefined, true),
                page: params.current,
                pageSize: params.pageSize,
              },
            });
            return { data: page.items, success: true, total: page.total };
          } catch (e) {
            void message.error(errorText(e));
            return { data: [], success: false };
          }
        }}
      />
    </PageContainer>
  );
}

import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Badge, Button, Descriptions, Space, Spin, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { AttributionCorrection, OrderLedger, OrderLedgerEntry, Refund } from '@guideshare/contracts';
import type { Order, OrderLine, Product } from '../../api/types';
import { useAuth } from '../../auth';
import {
  CHANNEL,
  dateTime,
  ENTRY_KIND,
  FULFILMENT_STATUS,
  ORDER_STATUS,
  orderNumber,
  percent,
  RULE,
  yuan,
} from '../../format';
import { useGuideNames, useLoad, useStores } from '../../hooks';
import { AttributionHistory, AttributionModal } from './Attribution';
import { RefundModal, ShipmentModal } from './OrderActions';
import { emptyOrError, SMALL_TABLE } from '../../components/list-table';

const REFUND_STATUS: Record<string, string> = {
  PROCESSING: '处理中',
  SUCCESS: '已退款',
  CLOSED: '已关闭',
  ABNORMAL: '异常',
  FAILED: '失败',
};

export function OrderDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { session } = useAuth();
  const isAdmin = session?.role === 'admin';
  const [refunding, setRefunding] = useState(false);
  const [shipping, setShipping] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const order = useLoad(() => api<Order>(`/orders/${id}`), [id]);
  const refunds = useLoad(() => api<Refund[]>(`/orders/${id}/refunds`), [id]);
  const ledger = useLoad(async () => (await api<OrderLedger>(`/admin/orders/${id}/ledger`)).entries, [id]);
  const history = useLoad(
    async () => (isAdmin ? await api<AttributionCorrection[]>(`/admin/orders/${id}/attribution-history`) : null),
    [id, isAdmin],
  );
  const guides = useGuideNames(session?.role);
  const skuNames = useLoad(async () => {
    const products = await api<Product[]>('/products');
    return new Map(products.flatMap((p) => p.skus.map((k) => [k.id, `${p.name} · ${k.name}`] as const)));
  });
  const stores = useStores();
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);
  const guide = (gid: string | null | undefined) => (gid ? (guides.data?.get(gid) ?? `${gid.slice(0, 8)}…`) : '-');
  const o = order.data;
  const reload = () => void Promise.all([order.reload(), refunds.reload(), ledger.reload(), history.reload()]);

  if (order.error) return <Alert type="error" showIcon message={order.error.message} />;
  if (!o) return <Spin style={{ display: 'block', margin: '120px auto' }} />;
  const a = o.attribution;
  const refundable = (o.status === 'PAID' || o.status === 'PARTIALLY_REFUNDED') && o.channel === 'online';
  const shippable = o.fulfilment?.type === 'delivery' && o.fulfilment.status === 'PENDING' && o.status === 'PAID';

  return (
    <PageContainer
      title={`订单 ${orderNumber(o)}`}
      onBack={() => navigate('/orders/list')}
      tags={
        <Badge status={ORDER_STATUS[o.status]?.status ?? 'default'} text={ORDER_STATUS[o.status]?.text ?? '未知'} />
      }
      extra={
        isAdmin && (
          <Space>
            {a && (
              <Button onClick={() => setCorrecting(true)} data-testid="attribution-correct">
                调整归属
              </Button>
            )}
            {shippable && <Button onClick={() => setShipping(true)}>发货</Button>}
            {refundable && (
              <Button danger onClick={() => setRefunding(true)}>
                退款
              </Button>
            )}
          </Space>
        )
      }
    >
      <ProCard title="订单信息" headerBordered style={{ marginBottom: 16 }}>
        <Descriptions column={3} size="small">
          <Descriptions.Item label="订单号">{o.orderNo ?? '-'}</Descriptions.Item>
          <Descriptions.Item label="渠道">{CHANNEL[o.channel]}</Descriptions.Item>
          <Descriptions.Item label="门店">{o.storeId ? (storeName.get(o.storeId) ?? '-') : '-'}</Descriptions.Item>
          <Descriptions.Item label="订单金额">{yuan(o.totalFen)}</Descriptions.Item>
          <Descriptions.Item label="实付">{yuan(o.paidFen)}</Descriptions.Item>
          <Descriptions.Item label="已退款">{yuan(o.refundedFen)}</Descriptions.Item>
          <Descriptions.Item label="下单时间">{dateTime(o.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="支付时间">{dateTime(o.paidAt)}</Descriptions.Item>
          <Descriptions.Item label="小票号">{o.receiptNo ?? '-'}</Descriptions.Item>
          <Descriptions.Item label="系统编号">{o.id}</Descriptions.Item>
          {o.fulfilment && (
            <Descriptions.Item label="履约">
              {o.fulfilment.type === 'pickup' ? '门店自提' : '快递配送'} ·{' '}
              {FULFILMENT_STATUS[o.fulfilment.status] ?? '-'}
              {o.fulfilment.trackingNo ? `（${o.fulfilment.carrier ?? ''} ${o.fulfilment.trackingNo}）` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
      </ProCard>
      <ProCard title="归因依据" headerBordered style={{ marginBottom: 16 }}>
        {a ? (
          <Descriptions column={3} size="small" data-testid="attribution">
            <Descriptions.Item label="归因规则">
              <Tag color="blue">{RULE[a.rule] ?? '其他'}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="业绩导购">{guide(a.guideId)}</Descriptions.Item>
            <Descriptions.Item label="业绩门店">
              {a.storeId ? (storeName.get(a.storeId) ?? '-') : '-'}
            </Descriptions.Item>
            <Descriptions.Item label="分享码">{a.shareCode ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="触达时间">{dateTime(a.touchedAt)}</Descriptions.Item>
            <Descriptions.Item label="策略版本">V{a.policyVersion}</Descriptions.Item>
            {a.commissionable === false && (
              <Descriptions.Item label="计佣">不计佣{a.selfReferral ? '（导购自购）' : ''}</Descriptions.Item>
            )}
            {a.creditedInsteadOf && (
              <Descriptions.Item label="未计入">
                {guide(a.creditedInsteadOf.guideId)}（{RULE[a.creditedInsteadOf.rule] ?? '其他'}）
              </Descriptions.Item>
            )}
          </Descriptions>
        ) : (
          '尚未归因（订单未支付）'
        )}
      </ProCard>
      <AttributionHistory history={history} guide={guide} />
      <ProCard title="商品明细" headerBordered style={{ marginBottom: 16 }}>
        <Table<OrderLine>
          {...SMALL_TABLE}
          dataSource={o.lines}
          columns={[
            {
              title: '商品',
              key: 'n',
              render: (_, l) => (l.skuId ? (skuNames.data?.get(l.skuId) ?? '已下架商品') : '门店小票（按金额）'),
            },
            { title: '单价', dataIndex: 'unitPriceFen', align: 'right', render: yuan },
            { title: '数量', dataIndex: 'quantity', align: 'right' },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: yuan },
            { title: '已退数量', dataIndex: 'refundedQuantity', align: 'right' },
            { title: '已退金额', dataIndex: 'refundedFen', align: 'right', render: yuan },
          ]}
        />
      </ProCard>
      <ProCard title="佣金明细" headerBordered style={{ marginBottom: 16 }}>
        <Table<OrderLedgerEntry>
          {...SMALL_TABLE}
          loading={ledger.loading}
          dataSource={ledger.data ?? []}
          locale={emptyOrError(ledger, '本单没有佣金明细')}
          data-testid="order-ledger"
          columns={[
            { title: '类型', dataIndex: 'kind', render: (v: string) => ENTRY_KIND[v] ?? '其他' },
            { title: '导购', dataIndex: 'guideId', render: (v: string) => guide(v) },
            { title: '比例', dataIndex: 'rateBps', render: (v: number | null) => percent(v) },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: yuan },
            { title: '可结算时间', dataIndex: 'availableAt', render: dateTime },
            { title: '结算', dataIndex: 'settlementId', render: (v: string | null) => (v ? '已结算' : '未结算') },
          ]}
        />
      </ProCard>
      <ProCard title="退款记录" headerBordered>
        <Table<Refund>
          {...SMALL_TABLE}
          dataSource={refunds.data ?? []}
          locale={{ emptyText: '暂无退款' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: dateTime },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: yuan },
            { title: '状态', dataIndex: 'status', render: (v: string) => REFUND_STATUS[v] ?? '处理中' },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      </ProCard>
      <RefundModal order={o} open={refunding} onClose={() => setRefunding(false)} onDone={reload} />
      <ShipmentModal order={o} open={shipping} onClose={() => setShipping(false)} onDone={reload} />
      {isAdmin && <AttributionModal order={o} open={correcting} onClose={() => setCorrecting(false)} onDone={reload} />}
    </PageContainer>
  );
}

import { ProCard, StatisticCard } from '@ant-design/pro-components';
import { Alert, Table, Tag, Typography } from 'antd';
import type {
  ReconciliationAmountMismatch,
  ReconciliationMissingInBill,
  ReconciliationMissingInLedger,
  ReconciliationReport,
} from '../../api/types';
import { dateTime, yuan } from '../../format';

const TYPE: Record<string, string> = { payment: '支付', refund: '退款' };
const REASON: Record<string, string> = {
  UNKNOWN: '系统无此交易',
  NOT_SUCCESSFUL: '系统中未成功',
  DUPLICATE: '账单重复列出',
};
const short = (id: string | null | undefined) => (id ? `${id.slice(0, 8)}…` : '-');

/** The differences of one run, each named in a sentence a finance clerk can act on. */
export function differenceSentences(r: ReconciliationReport): string[] {
  return [
    ...r.amountMismatch.map(
      (m) =>
        `金额不符：${TYPE[m.type]} 微信订单号 ${m.transactionId}（订单 ${short(m.orderId)}）账单金额 ${yuan(m.billFen)}，系统金额 ${yuan(m.ledgerFen)}，相差 ${yuan(m.billFen - m.ledgerFen)}`,
    ),
    ...r.missingInLedger.map(
      (m) =>
        `账单有、系统无：${TYPE[m.type]} 微信订单号 ${m.transactionId}，商户订单号 ${m.outTradeNo}，金额 ${yuan(m.amountFen)}（${REASON[m.reason] ?? '未匹配'}，账单第 ${m.line} 行）`,
    ),
    ...r.missingInBill.map(
      (m) =>
        `系统有、账单无：${TYPE[m.type]} 商户订单号 ${m.outTradeNo}${m.outRefundNo ? `（退款单 ${m.outRefundNo}）` : ''}，金额 ${yuan(m.amountFen)}`,
    ),
  ];
}

export function ReconciliationResult({ result }: { result: ReconciliationReport }) {
  const differences = differenceSentences(result);
  return (
    <div data-testid="recon-result">
      <StatisticCard.Group direction="row" style={{ marginBottom: 16 }}>
        <StatisticCard statistic={{ title: '账单日期', value: result.billDate }} />
        <StatisticCard statistic={{ title: '已匹配', value: result.matched, status: 'success' }} />
        <StatisticCard
          statistic={{
            title: '账单有、系统无',
            value: result.missingInLedger.length,
            status: result.missingInLedger.length ? 'error' : 'default',
          }}
        />
        <StatisticCard
          statistic={{
            title: '系统有、账单无',
            value: result.missingInBill.length,
            status: result.missingInBill.length ? 'error' : 'default',
          }}
        />
        <StatisticCard
          statistic={{
            title: '金额不符',
            value: result.amountMismatch.length,
            status: result.amountMismatch.length ? 'error' : 'default',
          }}
        />
      </StatisticCard.Group>
      {differences.length === 0 ? (
        <Alert type="success" showIcon message="账单与系统记录完全一致" data-testid="recon-clean" />
      ) : (
        <Alert
          type="error"
          showIcon
          message={`发现 ${differences.length} 处差异`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="recon-differences">
              {differences.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          }
        />
      )}
      {result.totals && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          账单：支付 {result.totals.bill.payments} 笔 {yuan(result.totals.bill.paymentsFen)}，退款{' '}
          {result.totals.bill.refunds} 笔 {yuan(result.totals.bill.refundsFen)}；系统：支付{' '}
          {result.totals.ledger.payments} 笔 {yuan(result.totals.ledger.paymentsFen)}，退款{' '}
          {result.totals.ledger.refunds} 笔 {yuan(result.totals.ledger.refundsFen)}
        </Typography.Paragraph>
      )}
      {result.amountMismatch.length > 0 && (
        <ProCard title="金额不符" headerBordered style={{ marginTop: 16 }}>
          <Table<ReconciliationAmountMismatch>
            rowKey={(m) => `${m.line}`}
            size="small"
            pagination={false}
            dataSource={result.amountMismatch}
            columns={[
              { title: '行号', dataIndex: 'line' },
              { title: '类型', dataIndex: 'type', render: (v: string) => TYPE[v] },
              { title: '微信订单号', dataIndex: 'transactionId' },
              { title: '订单', dataIndex: 'orderId', render: short },
              { title: '账单金额', dataIndex: 'billFen', align: 'right', render: yuan },
              { title: '系统金额', dataIndex: 'ledgerFen', align: 'right', render: yuan },
              {
                title: '差额',
                key: 'd',
                align: 'right',
                render: (_, m) => <Tag color="red">{yuan(m.billFen - m.ledgerFen)}</Tag>,
              },
            ]}
          />
        </ProCard>
      )}
      {result.missingInLedger.length > 0 && (
        <ProCard title="账单有、系统无" headerBordered style={{ marginTop: 16 }}>
          <Table<ReconciliationMissingInLedger>
            rowKey={(m) => `${m.line}`}
            size="small"
            pagination={false}
            dataSource={result.missingInLedger}
            columns={[
              { title: '行号', dataIndex: 'line' },
              { title: '类型', dataIndex: 'type', render: (v: string) => TYPE[v] },
              { title: '交易时间', dataIndex: 'tradeTime' },
              { title: '微信订单号', dataIndex: 'transactionId' },
              { title: '商户订单号', dataIndex: 'outTradeNo' },
              { title: '金额', dataIndex: 'amountFen', align: 'right', render: yuan },
              { title: '原因', dataIndex: 'reason', render: (v: string) => REASON[v] ?? '未匹配' },
            ]}
          />
        </ProCard>
      )}
      {result.missingInBill.length > 0 && (
        <ProCard title="系统有、账单无" headerBordered style={{ marginTop: 16 }}>
          <Table<ReconciliationMissingInBill>
            rowKey={(m) => `${m.type}:${m.outTradeNo}:${m.outRefundNo ?? ''}`}
            size="small"
            pagination={false}
            dataSource={result.missingInBill}
            columns={[
              { title: '类型', dataIndex: 'type', render: (v: string) => TYPE[v] },
              { title: '时间', dataIndex: 'at', render: dateTime },
              { title: '商户订单号', dataIndex: 'outTradeNo' },
              { title: '退款单号', dataIndex: 'outRefundNo', render: (v: string | null) => v ?? '-' },
              { title: '金额', dataIndex: 'amountFen', align: 'right', render: yuan },
            ]}
          />
        </ProCard>
      )}
    </div>
  );
}

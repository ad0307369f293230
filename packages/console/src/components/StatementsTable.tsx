import { Table, Typography } from 'antd';
import type { SettlementStatement } from '../api/types';
import { yuan } from '../format';

/** Per-guide statements of a settlement (or of a preview), with a total row. */
export function StatementsTable({
  statements,
  guideName,
  storeName,
  testId,
}: {
  statements: SettlementStatement[];
  guideName: Map<string, string> | undefined;
  storeName: Map<string, string> | undefined;
  testId?: string;
}) {
  const sum = (k: keyof SettlementStatement) => statements.reduce((n, s) => n + ((s[k] as number) ?? 0), 0);
  return (
    <Table<SettlementStatement>
      data-testid={testId}
      rowKey={(s) => `${s.guideId}:${s.storeId ?? ''}`}
      size="small"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={statements}
      locale={{ emptyText: '本期没有导购佣金' }}
      columns={[
        { title: '导购', dataIndex: 'guideId', render: (v: string) => guideName?.get(v) ?? v.slice(0, 8) },
        { title: '门店', dataIndex: 'storeId', render: (v: string | null) => (v ? (storeName?.get(v) ?? '-') : '-') },
        { title: '期初结余', dataIndex: 'openingFen', align: 'right', render: yuan },
        { title: '本期计提', dataIndex: 'accruedFen', align: 'right', render: yuan },
        { title: '本期冲回', dataIndex: 'reversedFen', align: 'right', render: yuan },
        { title: '调整', dataIndex: 'adjustedFen', align: 'right', render: yuan },
        {
          title: '应付佣金',
          dataIndex: 'closingFen',
          align: 'right',
          render: (v: number) => <Typography.Text strong>{yuan(v)}</Typography.Text>,
        },
      ]}
      summary={() =>
        statements.length ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>合计（{statements.length} 人）</Typography.Text>
            </Table.Summary.Cell>
            {(['openingFen', 'accruedFen', 'reversedFen', 'adjustedFen', 'closingFen'] as const).map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 2} align="right">
                <Typography.Text strong>{yuan(sum(k))}</Typography.Text>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

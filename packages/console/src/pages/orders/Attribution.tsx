import type { AttributionCorrection } from '@guideshare/contracts';
import { ProCard } from '@ant-design/pro-components';
import { Form, Input, Select, Table } from 'antd';
import { api } from '../../api/client';
import type { Guide } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { dateTime, RULE } from '../../format';
import { useAction, useGuides, type Loaded } from '../../hooks';
import type { OrderModalProps } from './OrderActions';
import { SMALL_TABLE } from '../../components/list-table';
import { requiredText } from '../../components/form-rules';

/** The admin's correction of who is credited for an order (rule `manual`; the ledger follows). */
export function AttributionModal({ order, open, onClose, onDone }: OrderModalProps) {
  const run = useAction();
  const guides = useGuides();
  const current = order.attribution?.guideId;
  const options = (guides.data ?? [])
    .filter((g: Guide) => g.status !== 'departed' && g.id !== current)
    .map((g) => ({ value: g.id, label: g.name }));
  return (
    <FormModal<{ guideId: string; reason: string }>
      title="调整业绩归属"
      okText="确认调整"
      open={open}
      onClose={onClose}
      testId="attribution-modal"
      onSubmit={async ({ guideId, reason }) => {
        const ok = await run(
          () =>
            api(`/admin/orders/${order.id}/attribution`, { method: 'POST', body: { guideId, reason: reason.trim() } }),
          '业绩归属已调整',
        );
        if (ok === undefined) return false;
        onDone();
        return true;
      }}
    >
      <Form.Item name="guideId" label="归属导购" rules={[{ required: true, message: '请选择导购' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="选择导购"
          loading={guides.loading}
          options={options}
          data-testid="attribution-guide"
        />
      </Form.Item>
      <Form.Item name="reason" label="调整原因" rules={requiredText('请填写调整原因')}>
        <Input.TextArea rows={2} maxLength={200} data-testid="attribution-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** `GET /api/admin/orders/:id/attribution-history`: every correction, oldest first. */
export function AttributionHistory({
  history,
  guide,
}: {
  history: Loaded<AttributionCorrection[] | null>;
  guide(id: string | null | undefined): string;
}) {
  if (history.data === null) return null;
  return (
    <ProCard title="归属调整记录" headerBordered style={{ marginBottom: 16 }}>
      <Table<AttributionCorrection>
        {...SMALL_TABLE}
        loading={history.loading}
        dataSource={history.data ?? []}
        locale={{ emptyText: '暂无调整记录' }}
        data-testid="attribution-history"
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: dateTime },
          {
            title: '调整',
            key: 'change',
            render: (_, c) => `${guide(c.from.guideId)}（${RULE[c.from.rule] ?? '其他'}）→ ${guide(c.to.guideId)}`,
          },
          { title: '原因', dataIndex: 'reason' },
          { title: '操作人', key: 'by', render: (_, c) => (c.claimId ? '审核导购补录' : '运营管理员') },
        ]}
      />
    </ProCard>
  );
}

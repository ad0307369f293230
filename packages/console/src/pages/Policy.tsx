import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Form, InputNumber, Radio, Select, Space, Spin, Switch, Table, Tag } from 'antd';
import { useEffect } from 'react';
import { api } from '../api/client';
import type { BindingMode, Policy, PolicyInput, PolicyVersion, ServicePriority } from '@guideshare/contracts';
import { dateTime, percent, toFen } from '../format';
import { useAction, useLoad } from '../hooks';
import { emptyOrError } from '../components/list-table';

const BINDING_MODES: Array<{ label: string; value: BindingMode }> = [
  { label: '首次触达绑定', value: 'first_touch' },
  { label: '开卡时绑定', value: 'on_registration' },
  { label: '最近触达覆盖', value: 'override' },
];
const SERVICE_PRIORITIES: Array<{ label: string; value: ServicePriority }> = [
  { label: '分享导购优先', value: 'sharer_first' },
  { label: '同店专属导购优先', value: 'service_first_same_store' },
];

/** The form's values: the policy's fields, rates in percent, the binding validity split into a switch and days. */
type FormValues = Omit<PolicyInput, 'bindingValidityDays'> & { bindingPermanent: boolean; bindingValidityDays: number };

function toForm(p: Policy): FormValues {
  const { version: _version, ...fields } = p;
  return {
    ...fields,
    defaultRateBps: p.defaultRateBps / 100,
    serviceRateBps: p.serviceRateBps / 100,
    bindingPermanent: p.bindingValidityDays === null,
    bindingValidityDays: p.bindingValidityDays ?? 365,
  };
}

/** The PUT body: every field of the policy (a PUT is the whole policy), rates back in basis points. */
function fromForm(v: FormValues): PolicyInput {
  return {
    onlineWindowHours: v.onlineWindowHours,
    storeWindowHours: v.storeWindowHours,
    selfReferral: v.selfReferral,
    defaultRateBps: toFen(String(v.defaultRateBps))!,
    serviceRateBps: toFen(String(v.serviceRateBps))!,
    coolingOffDays: v.coolingOffDays,
    bindingMode: v.bindingMode,
    bindingValidityDays: v.bindingPermanent ? null : v.bindingValidityDays,
    protectionDays: v.protectionDays,
    servicePriority: v.servicePriority,
    crossStoreShareCredit: v.crossStoreShareCredit,
  };
}

export function PolicyPage() {
  const run = useAction();
  const [form] = Form.useForm<FormValues>();
  const policy = useLoad(() => api<Policy>('/admin/policy'));
  const versions = useLoad(() => api<PolicyVersion[]>('/admin/policy/versions'));
  useEffect(() => {
    if (policy.data) form.setFieldsValue(toForm(policy.data));
  }, [policy.data, form]);
  const p = policy.data;
  const permanent = Form.useWatch('bindingPermanent', form);

  if (!p) return policy.error ? <Alert type="error" showIcon message={policy.error.message} /> : <Spin />;

  return (
    <PageContainer
      content={
        <Space>
          当前生效版本{' '}
          <Tag color="blue" data-testid="policy-version">
            V{p.version}
          </Tag>
          每次保存都会生成新版本，已下的订单保留当时生效的版本。
        </Space>
      }
    >
      <ProCard title="归因与佣金策略" headerBordered style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ span: 6 }}
          wrapperCol={{ span: 10 }}
          onFinish={async (v) => {
            const saved = await run(
              () => api<Policy>('/admin/policy', { method: 'PUT', body: fromForm(v) }),
              '策略已保存为新版本',
            );
            if (saved) await Promise.all([policy.reload(), versions.reload()]);
          }}
        >
          <Form.Item
            name="onlineWindowHours"
            label="线上归因窗口（小时）"
            rules={[{ required: true }]}
            extra="顾客通过导购分享进入后，多长时间内的线上下单计入该导购"
          >
            <InputNumber min={1} max={2160} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="storeWindowHours" label="门店归因窗口（小时）" rules={[{ required: true }]}>
            <InputNumber min={1} max={2160} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="defaultRateBps" label="默认佣金比例（%）" rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 200 }} data-testid="policy-default-rate" />
          </Form.Item>
          <Form.Item name="serviceRateBps" label="专属导购佣金比例（%）" rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="coolingOffDays"
            label="佣金冷静期（天）"
            rules={[{ required: true }]}
            extra="订单支付后多少天佣金才可结算（覆盖退货期）"
          >
            <InputNumber min={0} max={365} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="selfReferral" label="导购自购">
            <Radio.Group
              options={[
                { label: '不计佣金', value: 'deny' },
                { label: '计佣金', value: 'allow' },
              ]}
            />
          </Form.Item>
          <Form.Item name="bindingMode" label="会员绑定方式">
            <Select style={{ width: 240 }} options={BINDING_MODES} />
          </Form.Item>
          <Form.Item label="绑定有效期">
            <Space>
              <Form.Item name="bindingPermanent" valuePropName="checked" noStyle>
                <Switch checkedChildren="永久" unCheckedChildren="限期" />
              </Form.Item>
              {!permanent && (
                <Form.Item name="bindingValidityDays" noStyle>
                  <InputNumber min={1} max={3650} precision={0} addonAfter="天" />
                </Form.Item>
              )}
            </Space>
          </Form.Item>
          <Form.Item name="protectionDays" label="绑定保护期（天）" extra="保护期内其他导购不能改绑该会员">
            <InputNumber min={0} max={3650} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="servicePriority" label="分享与专属导购冲突时">
            <Select style={{ width: 320 }} options={SERVICE_PRIORITIES} />
          </Form.Item>
          <Form.Item name="crossStoreShareCredit" label="跨店分享计佣" valuePropName="checked">
            <Switch checkedChildren="计佣" unCheckedChildren="不计" />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 6 }}>
            <Button type="primary" htmlType="submit" data-testid="policy-save">
              保存为新版本
            </Button>
          </Form.Item>
        </Form>
      </ProCard>
      <ProCard title="版本历史" headerBordered>
        <Table<PolicyVersion>
          rowKey="version"
          size="small"
          pagination={{ pageSize: 10 }}
          loading={versions.loading}
          dataSource={versions.data}
          locale={emptyOrError(versions, '暂无版本')}
          columns={[
            { title: '版本', dataIndex: 'version', render: (v: number) => `V${v}` },
            { title: '生效时间', dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
            { title: '线上窗口', dataIndex: 'onlineWindowHours', render: (v: number) => `${v} 小时` },
            { title: '门店窗口', dataIndex: 'storeWindowHours', render: (v: number) => `${v} 小时` },
            { title: '默认佣金', dataIndex: 'defaultRateBps', render: (v: number) => percent(v) },
            { title: '专属导购佣金', dataIndex: 'serviceRateBps', render: (v: number) => percent(v) },
            { title: '冷静期', dataIndex: 'coolingOffDays', render: (v: number) => `${v} 天` },
            {
              title: '自购',
              dataIndex: 'selfReferral',
              render: (v: string) => (v === 'allow' ? '计佣金' : '不计佣金'),
            },
          ]}
        />
      </ProCard>
    </PageContainer>
  );
}

import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Form, InputNumber, Radio, Select, Space, Spin, Switch, Table, Tag } from 'antd';
import { useEffect } from 'react';
import { api } from '../api/client';
import type { Policy } from '../api/types';
import { dateTime, percent, toFen } from '../format';
import { isMissingRoute, useAction, useLoad } from '../hooks';

type PolicyRecord = Policy & Record<string, unknown> & { createdAt?: string };

/** Form fields per policy key; a key the server does not return is not shown (and not sent). */
const RATE_KEYS = ['defaultRateBps', 'serviceRateBps'] as const;
const READ_ONLY = new Set(['version', 'createdAt', 'id', 'createdBy']);

function toForm(p: PolicyRecord): Record<string, unknown> {
  const v: Record<string, unknown> = { ...p };
  for (const k of RATE_KEYS) v[k] = (p[k] as number) / 100;
  if ('bindingValidityDays' in p) {
    v.bindingPermanent = p.bindingValidityDays === null;
    v.bindingValidityDays = p.bindingValidityDays ?? 365;
  }
  return v;
}

function fromForm(current: PolicyRecord, v: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(current)) {
    if (READ_ONLY.has(key)) continue;
    body[key] = key in v ? v[key] : current[key];
  }
  for (const k of RATE_KEYS) body[k] = toFen(String(v[k]));
  if ('bindingValidityDays' in current) body.bindingValidityDays = v.bindingPermanent ? null : v.bindingValidityDays;
  return body;
}

export function PolicyPage() {
  const run = useAction();
  const [form] = Form.useForm();
  const policy = useLoad(() => api<PolicyRecord>('/admin/policy'));
  const versions = useLoad(async () => {
    try {
      return await api<PolicyRecord[]>('/admin/policy/versions');
    } catch (e) {
      if (isMissingRoute(e)) return null;
      throw e;
    }
  });
  useEffect(() => {
    if (policy.data) form.setFieldsValue(toForm(policy.data));
  }, [policy.data, form]);
  const p = policy.data;
  const has = (key: string) => !!p && key in p;
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
              () => api<PolicyRecord>('/admin/policy', { method: 'PUT', body: fromForm(p, v) }),
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
          {has('bindingMode') && (
            <Form.Item name="bindingMode" label="会员绑定方式">
              <Select
                style={{ width: 240 }}
                options={[
                  { label: '首次触达绑定', value: 'first_touch' },
                  { label: '开卡时绑定', value: 'on_registration' },
                  { label: '最近触达覆盖', value: 'override' },
                ]}
              />
            </Form.Item>
          )}
          {has('bindingValidityDays') && (
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
          )}
          {has('protectionDays') && (
            <Form.Item name="protectionDays" label="绑定保护期（天）" extra="保护期内其他导购不能改绑该会员">
              <InputNumber min={0} max={3650} precision={0} style={{ width: 200 }} />
            </Form.Item>
          )}
          {has('servicePriority') && (
            <Form.Item name="servicePriority" label="分享与专属导购冲突时">
              <Select
                style={{ width: 320 }}
                options={[
                  { label: '分享导购优先', value: 'sharer_first' },
                  { label: '同店专属导购优先', value: 'service_first_same_store' },
                ]}
              />
            </Form.Item>
          )}
          {has('crossStoreShareCredit') && (
            <Form.Item name="crossStoreShareCredit" label="跨店分享计佣" valuePropName="checked">
              <Switch checkedChildren="计佣" unCheckedChildren="不计" />
            </Form.Item>
          )}
          <Form.Item wrapperCol={{ offset: 6 }}>
            <Button type="primary" htmlType="submit" data-testid="policy-save">
              保存为新版本
            </Button>
          </Form.Item>
        </Form>
      </ProCard>
      {versions.data && (
        <ProCard title="版本历史" headerBordered>
          <Table<PolicyRecord>
            rowKey="version"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={versions.data}
            columns={[
              { title: '版本', dataIndex: 'version', render: (v: number) => `V${v}` },
              { title: '生效时间', dataIndex: 'createdAt', render: (v?: string) => dateTime(v) },
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
      )}
    </PageContainer>
  );
}

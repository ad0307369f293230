import { SearchOutlined } from '@ant-design/icons';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError, errorText } from '../api/client';
import type { BindingChange, AdminMember } from '../api/types';
import { FormModal } from '../components/FormModal';
import { dateTime } from '../format';
import { useAction, useGuides, useStores } from '../hooks';
import { SMALL_TABLE } from '../components/list-table';
import { requiredText } from '../components/form-rules';

/** By member id, 10-digit code number or a scanned 18-digit member code. */
async function findMember(query: string): Promise<AdminMember> {
  const found = await api<AdminMember[]>('/admin/members', { query: { q: query } });
  if (!found.length) throw new ApiError(404, 'MEMBER_NOT_FOUND', '没有找到该会员，请核对会员码或会员ID');
  return found[0];
}

export function MembersPage() {
  const guides = useGuides();
  const stores = useStores();
  const run = useAction();
  const [query, setQuery] = useState('');
  const [member, setMember] = useState<AdminMember | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [reassigning, setReassigning] = useState(false);
  const guideName = useMemo(() => new Map((guides.data ?? []).map((g) => [g.id, g.name])), [guides.data]);
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);
  const g = (id: string | null) => (id ? (guideName.get(id) ?? id.slice(0, 8)) : '-');
  const s = (id: string | null) => (id ? (storeName.get(id) ?? id.slice(0, 8)) : '-');

  const search = async (q = query) => {
    const text = q.trim();
    if (!text) return;
    setLoading(true);
    setError(null);
    try {
      setMember(await findMember(text));
    } catch (e) {
      setMember(null);
      setError(e instanceof ApiError && e.code === 'VALIDATION_FAILED' ? '会员ID格式不正确' : errorText(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <PageContainer>
      <ProCard style={{ marginBottom: 16 }}>
        <Space.Compact style={{ width: 560 }}>
          <Input
            placeholder="输入会员码或会员ID"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onPressEnter={() => void search()}
            allowClear
            data-testid="member-query"
          />
          <Button type="primary" icon={<SearchOutlined />} loading={loading} onClick={() => void search()}>
            查询
          </Button>
        </Space.Compact>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      </ProCard>
      {member ? (
        <>
          <ProCard
            title="会员信息"
            headerBordered
            style={{ marginBottom: 16 }}
            extra={
              <Button type="primary" onClick={() => setReassigning(true)}>
                更换专属导购
              </Button>
            }
          >
            <Descriptions column={2} bordered size="small">
              <Descriptions.Item label="会员ID">{member.id}</Descriptions.Item>
              <Descriptions.Item label="开卡状态">
                {member.registeredAt ? (
                  <Tag color="green">已开卡 {dateTime(member.registeredAt)}</Tag>
                ) : (
                  <Tag>未开卡</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="开卡导购">{g(member.openingGuideId)}</Descriptions.Item>
              <Descriptions.Item label="专属导购">{g(member.serviceGuideId)}</Descriptions.Item>
              <Descriptions.Item label="服务门店">{s(member.serviceStoreId)}</Descriptions.Item>
              <Descriptions.Item label="绑定时间">{dateTime(member.boundAt)}</Descriptions.Item>
              <Descriptions.Item label="首次访问">{dateTime(member.createdAt)}</Descriptions.Item>
            </Descriptions>
          </ProCard>
          <ProCard title="绑定变更记录" headerBordered>
            <Table<BindingChange>
              {...SMALL_TABLE}
              dataSource={member.bindingHistory}
              locale={{ emptyText: '暂无变更记录' }}
              columns={[
                { title: '时间', dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
                {
                  title: '类型',
                  dataIndex: 'kind',
                  render: (v: string) =>
                    v === 'handover' ? <Tag color="orange">离职交接</Tag> : <Tag color="blue">人工改派</Tag>,
                },
                {
                  title: '原导购',
                  dataIndex: 'fromGuideId',
                  render: (v: string | null, r) => `${g(v)}（${s(r.fromStoreId)}）`,
                },
                {
                  title: '新导购',
                  dataIndex: 'toGuideId',
                  render: (v: string | null, r) => `${g(v)}（${s(r.toStoreId)}）`,
                },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          </ProCard>
        </>
      ) : (
        !error && <Empty description="输入会员码或会员ID查询会员的绑定关系" />
      )}
      <FormModal<{ guideId: string; reason: string }>
        title="更换专属导购"
        open={reassigning}
        onClose={() => setReassigning(false)}
        onSubmit={async (body) => {
          const ok = await run(
            () => api(`/admin/members/${member!.id}/service-guide`, { method: 'POST', body }),
            '专属导购已更换',
          );
          if (ok === undefined) return false;
          await search(member!.id);
          return true;
        }}
      >
        <Form.Item name="guideId" label="新的专属导购" rules={[{ required: true, message: '请选择导购' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(guides.data ?? [])
              .filter((x) => x.status === 'active')
              .map((x) => ({ label: `${x.name}（${s(x.storeId)}）`, value: x.id }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="更换原因" rules={requiredText('请填写原因')}>
          <Input.TextArea rows={2} maxLength={200} placeholder="将记入会员的绑定变更记录" />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}

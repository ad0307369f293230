import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Badge, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Guide } from '../api/types';
import { FormModal } from '../components/FormModal';
import { useAction, useGuides, useStores } from '../hooks';
import { listTableProps, NewButton } from '../components/list-table';
import { requiredText } from '../components/form-rules';

export function GuidesPage() {
  const [storeId, setStoreId] = useState<string | undefined>();
  const stores = useStores();
  const guides = useGuides();
  const run = useAction();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Guide | null>(null);
  const [departing, setDeparting] = useState<Guide | null>(null);
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);
  const storeOptions = (stores.data ?? []).map((s) => ({ label: `${s.name}（${s.city}）`, value: s.id }));
  const rows = (guides.data ?? []).filter((g) => !storeId || g.storeId === storeId);
  const successors = (guides.data ?? []).filter((g) => g.status === 'active' && g.id !== departing?.id);

  const done = async (ok: unknown) => {
    if (ok === undefined) return false;
    await guides.reload();
    return true;
  };

  return (
    <PageContainer>
      <ProTable<Guide>
        rowKey="id"
        headerTitle="导购列表"
        {...listTableProps(guides)}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        toolBarRender={() => [
          <Select
            key="store"
            allowClear
            placeholder="全部门店"
            style={{ width: 220 }}
            options={storeOptions}
            value={storeId}
            onChange={setStoreId}
          />,
          <NewButton key="new" onClick={() => setCreating(true)} testId="guide-new">
            新增导购
          </NewButton>,
        ]}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '所属门店', dataIndex: 'storeId', render: (_, g) => storeName.get(g.storeId) ?? '-' },
          { title: '企业微信账号', dataIndex: 'wecomUserId', copyable: true },
          {
            title: '状态',
            dataIndex: 'status',
            render: (_, g) =>
              g.status === 'active' ? <Badge status="success" text="在职" /> : <Badge status="default" text="已离职" />,
          },
          {
            title: '操作',
            key: 'op',
            render: (_, g) =>
              g.status === 'active' ? (
                <Space>
                  <Typography.Link onClick={() => setEditing(g)}>编辑</Typography.Link>
                  <Typography.Link type="danger" onClick={() => setDeparting(g)} data-testid={`guide-depart-${g.id}`}>
                    办理离职
                  </Typography.Link>
                </Space>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
        ]}
      />
      <FormModal<{ storeId: string; name: string; wecomUserId: string }>
        title="新增导购"
        open={creating}
        onClose={() => setCreating(false)}
        onSubmit={async (body) => done(await run(() => api('/admin/guides', { method: 'POST', body }), '导购已添加'))}
      >
        <Form.Item name="storeId" label="所属门店" rules={[{ required: true, message: '请选择门店' }]}>
          <Select options={storeOptions} placeholder="请选择门店" data-testid="guide-store" />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={requiredText('请输入姓名')}>
          <Input maxLength={100} data-testid="guide-name" />
        </Form.Item>
        <Form.Item name="wecomUserId" label="企业微信账号（UserID）" rules={requiredText('请输入企业微信账号')}>
          <Input maxLength={64} data-testid="guide-wecom" />
        </Form.Item>
      </FormModal>
      <FormModal<{ storeId: string; name: string }>
        title="编辑导购"
        open={!!editing}
        onClose={() => setEditing(null)}
        initialValues={editing ? { name: editing.name, storeId: editing.storeId } : undefined}
        onSubmit={async (body) =>
          done(await run(() => api(`/admin/guides/${editing!.id}`, { method: 'PATCH', body }), '导购信息已更新'))
        }
      >
        <Form.Item name="name" label="姓名" rules={requiredText('请输入姓名')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="storeId" label="所属门店" rules={[{ required: true, message: '请选择门店' }]}>
          <Select options={storeOptions} />
        </Form.Item>
      </FormModal>
      <FormModal<{ successorGuideId?: string }>
        title={`办理离职：${departing?.name ?? ''}`}
        okText="确认离职"
        open={!!departing}
        onClose={() => setDeparting(null)}
        testId="depart-modal"
        onSubmit={async (v) =>
          done(
            await run(
              () =>
                api(`/admin/guides/${departing!.id}/depart`, {
                  method: 'POST',
                  body: v.successorGuideId ? { successorGuideId: v.successorGuideId } : {},
                }),
              '已办理离职',
            ),
          )
        }
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="离职后该导购立即无法登录；其服务的会员和未结算的佣金归属将转给接替导购，未选择则转给门店。"
        />
        <Form.Item name="successorGuideId" label="接替导购">
          <Select
            allowClear
            placeholder="不选择则由门店承接"
            options={successors.map((g) => ({ label: `${g.name}（${storeName.get(g.storeId) ?? ''}）`, value: g.id }))}
            data-testid="depart-successor"
          />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}

import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Form, Input, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { StaffAccount } from '../api/types';
import { FormModal } from '../components/FormModal';
import { dateTime, ROLE_LABEL } from '../format';
import { useAction, useLoad, useStores } from '../hooks';
import { listTableProps, newButtonToolbar } from '../components/list-table';

interface Values {
  username: string;
  password: string;
  role: 'admin' | 'finance' | 'clerk';
  storeId?: string;
}

export function StaffPage() {
  const run = useAction();
  const stores = useStores();
  const [creating, setCreating] = useState(false);
  const staff = useLoad(() => api<StaffAccount[]>('/admin/staff'));
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);

  return (
    <PageContainer>
      <ProTable<StaffAccount>
        rowKey="id"
        headerTitle="员工账号"
        {...listTableProps(staff, '暂无员工账号')}
        dataSource={staff.data}
        pagination={{ pageSize: 20 }}
        toolBarRender={newButtonToolbar('新建账号', () => setCreating(true))}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (_, a) => <Tag color="blue">{ROLE_LABEL[a.role] ?? '其他'}</Tag>,
          },
          {
            title: '所属门店',
            dataIndex: 'storeId',
            render: (_, a) => (a.storeId ? (storeName.get(a.storeId) ?? '-') : '全部门店'),
          },
          { title: '创建时间', dataIndex: 'createdAt', render: (_, a) => dateTime(a.createdAt) },
        ]}
      />
      <FormModal<Values>
        title="新建员工账号"
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ role: 'finance' }}
        onSubmit={async (v) => {
          const body = {
            username: v.username,
            password: v.password,
            role: v.role,
            ...(v.role === 'clerk' ? { storeId: v.storeId } : {}),
          };
          const account = await run(() => api<StaffAccount>('/admin/staff', { method: 'POST', body }), '账号已创建');
          if (!account) return false;
          await staff.reload();
          return true;
        }}
      >
        {(form) => (
          <>
            <Form.Item
              name="username"
              label="用户名"
              rules={[
                { required: true, message: '请输入用户名' },
                { pattern: /^[a-zA-Z0-9_.-]{3,64}$/, message: '3–64 位字母、数字或 _ . -' },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="password"
              label="初始密码"
              rules={[{ required: true, min: 10, message: '密码至少 10 位' }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
              <Select
                options={[
                  { label: '运营管理员', value: 'admin' },
                  { label: '财务', value: 'finance' },
                  { label: '门店店员（收银）', value: 'clerk' },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.role !== b.role}>
              {() =>
                form.getFieldValue('role') === 'clerk' && (
                  <Form.Item
                    name="storeId"
                    label="所属门店"
                    rules={[{ required: true, message: '店员账号必须选择门店' }]}
                  >
                    <Select options={(stores.data ?? []).map((s) => ({ label: s.name, value: s.id }))} />
                  </Form.Item>
                )
              }
            </Form.Item>
          </>
        )}
      </FormModal>
    </PageContainer>
  );
}

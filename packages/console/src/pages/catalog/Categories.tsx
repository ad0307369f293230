import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { listCategories } from '../../api/catalog';
import type { Category } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { percent, toFen } from '../../format';
import { useAction, useLoad } from '../../hooks';
import { listTableProps, newButtonToolbar } from '../../components/list-table';
import { requiredText } from '../../components/form-rules';

interface Values {
  name: string;
  commissionPercent?: number | null;
}

export function CategoriesPage() {
  const categories = useLoad(listCategories);
  const run = useAction();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);

  const submit = async (v: Values) => {
    const bps =
      v.commissionPercent === null || v.commissionPercent === undefined ? null : toFen(String(v.commissionPercent));
    const isNew = editing === 'new';
    const body = { name: v.name, ...(bps !== null ? { commissionRateBps: bps } : {}) };
    const ok = await run(
      () =>
        isNew
          ? api('/admin/categories', { method: 'POST', body })
          : api(`/admin/categories/${(editing as Category).id}`, { method: 'PATCH', body }),
      isNew ? '类目已创建' : '类目已更新',
    );
    if (ok === undefined) return false;
    await categories.reload();
    return true;
  };

  return (
    <PageContainer>
      <ProTable<Category>
        rowKey="id"
        headerTitle="商品类目"
        {...listTableProps(categories)}
        dataSource={categories.data}
        pagination={false}
        toolBarRender={newButtonToolbar('新建类目', () => setEditing('new'))}
        columns={[
          { title: '类目名称', dataIndex: 'name' },
          {
            title: '类目佣金比例',
            dataIndex: 'commissionRateBps',
            render: (_, c) =>
              c.commissionRateBps === null ? (
                <Typography.Text type="secondary">按策略默认</Typography.Text>
              ) : (
                percent(c.commissionRateBps)
              ),
          },
          {
            title: '操作',
            key: 'op',
            render: (_, c) => <Typography.Link onClick={() => setEditing(c)}>编辑</Typography.Link>,
          },
        ]}
      />
      <FormModal<Values>
        title={editing === 'new' ? '新建类目' : '编辑类目'}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        initialValues={
          editing && editing !== 'new'
            ? {
                name: editing.name,
                commissionPercent: editing.commissionRateBps === null ? null : editing.commissionRateBps / 100,
              }
            : undefined
        }
      >
        <Form.Item name="name" label="类目名称" rules={requiredText('请输入类目名称')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="commissionPercent" label="佣金比例（%）" extra="留空则使用策略的默认比例">
          <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}

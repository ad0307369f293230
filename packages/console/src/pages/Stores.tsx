import { KeyOutlined } from '@ant-design/icons';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Alert, Button, Drawer, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { AdminStore } from '@guideshare/contracts';
import type { IssuedStoreKey, Store, StoreKey } from '../api/types';
import { FormModal } from '../components/FormModal';
import { dateTime } from '../format';
import { useAction, useLoad, useStores } from '../hooks';
import { listTableProps, SMALL_TABLE, newButtonToolbar } from '../components/list-table';
import { requiredText } from '../components/form-rules';

/** Counter keys of one store: the server's list where it has one, plus the keys issued in this session. */
function StoreKeys({ store, onClose }: { store: Store | null; onClose(): void }) {
  const run = useAction();
  const [issued, setIssued] = useState<StoreKey[]>([]);
  const [shown, setShown] = useState<IssuedStoreKey | null>(null);
  const listed = useLoad(async () => {
    if (!store) return null;
    const stores = await api<AdminStore[]>('/admin/stores');
    return stores.find((s) => s.id === store.id)?.keys ?? [];
  }, [store?.id]);
  // The server lists every key (never a secret); the prefix is known only for keys issued here.
  const keys: StoreKey[] = listed.data
    ? listed.data.map((k) => ({ ...k, keyPrefix: issued.find((i) => i.id === k.id)?.keyPrefix }))
    : issued;

  const issue = async () => {
    const key = await run(() => api<IssuedStoreKey>(`/admin/stores/${store!.id}/keys`, { method: 'POST' }));
    if (!key) return;
    setIssued((prev) => [
      ...prev,
      { id: key.id, keyPrefix: key.key.slice(0, 8), createdAt: new Date().toISOString(), revokedAt: null },
    ]);
    setShown(key);
    await listed.reload();
  };
  const revoke = async (k: StoreKey) => {
    const ok = await run(() => api(`/admin/stores/${store!.id}/keys/${k.id}/revoke`, { method: 'POST' }), '密钥已吊销');
    if (ok === undefined) return;
    setIssued((prev) => prev.map((x) => (x.id === k.id ? { ...x, revokedAt: new Date().toISOString() } : x)));
    await listed.reload();
  };

  return (
    <Drawer title={`柜台密钥：${store?.name ?? ''}`} width={640} open={!!store} onClose={onClose} destroyOnClose>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="柜台密钥用于门店收银系统（请求头 X-Store-Key）。密钥只在生成时显示一次，请立即妥善保存；遗失或泄露时吊销并重新生成。"
      />
      <Button type="primary" icon={<KeyOutlined />} onClick={issue} data-testid="store-key-issue">
        生成新密钥
      </Button>
      <Table<StoreKey>
        style={{ marginTop: 16 }}
        {...SMALL_TABLE}
        dataSource={keys}
        locale={{ emptyText: '暂无密钥' }}
        columns={[
          {
            title: '密钥',
            dataIndex: 'keyPrefix',
            render: (_, k) => (k.keyPrefix ? `${k.keyPrefix}…` : `编号 ${k.id.slice(0, 8)}`),
          },
          { title: '生成时间', dataIndex: 'createdAt', render: (v?: string) => dateTime(v) },
          {
            title: '状态',
            dataIndex: 'revokedAt',
            render: (v?: string | null) => (v ? <Tag>已吊销</Tag> : <Tag color="green">有效</Tag>),
          },
          {
            title: '操作',
            key: 'op',
            render: (_, k) =>
              k.revokedAt ? null : (
                <Popconfirm title="吊销后使用该密钥的收银机将立即无法记账，确定吊销？" onConfirm={() => revoke(k)}>
                  <Typography.Link type="danger">吊销</Typography.Link>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        title="新密钥（仅显示这一次）"
        open={!!shown}
        onCancel={() => setShown(null)}
        footer={<Button onClick={() => setShown(null)}>我已保存</Button>}
      >
        <Alert type="warning" showIcon message="关闭后将无法再次查看此密钥。" style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: shown?.key }} code data-testid="store-key-value">
          {shown?.key}
        </Typography.Paragraph>
      </Modal>
    </Drawer>
  );
}

export function StoresPage() {
  const stores = useStores();
  const run = useAction();
  const [editing, setEditing] = useState<Store | 'new' | null>(null);
  const [keysOf, setKeysOf] = useState<Store | null>(null);

  const submit = async (body: { name: string; city: string }) => {
    const isNew = editing === 'new';
    const ok = await run(
      () =>
        isNew
          ? api('/admin/stores', { method: 'POST', body })
          : api(`/admin/stores/${(editing as Store).id}`, { method: 'PATCH', body }),
      isNew ? '门店已创建' : '门店已更新',
    );
    if (ok === undefined) return false;
    await stores.reload();
    return true;
  };

  return (
    <PageContainer>
      <ProTable<Store>
        rowKey="id"
        headerTitle="门店列表"
        {...listTableProps(stores)}
        dataSource={stores.data}
        pagination={false}
        toolBarRender={newButtonToolbar('新建门店', () => setEditing('new'))}
        columns={[
          { title: '门店名称', dataIndex: 'name' },
          { title: '城市', dataIndex: 'city' },
          { title: '门店ID', dataIndex: 'id', copyable: true, ellipsis: true },
          {
            title: '操作',
            key: 'op',
            render: (_, s) => (
              <Space>
                <Typography.Link onClick={() => setEditing(s)}>编辑</Typography.Link>
                <Typography.Link onClick={() => setKeysOf(s)} data-testid={`store-keys-${s.id}`}>
                  柜台密钥
                </Typography.Link>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<{ name: string; city: string }>
        title={editing === 'new' ? '新建门店' : '编辑门店'}
        open={editing !== null}
        onClose={() => setEditing(null)}
        initialValues={editing && editing !== 'new' ? { name: editing.name, city: editing.city } : undefined}
        onSubmit={submit}
      >
        <Form.Item name="name" label="门店名称" rules={requiredText('请输入门店名称')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="city" label="城市" rules={requiredText('请输入城市')}>
          <Input maxLength={50} />
        </Form.Item>
      </FormModal>
      <StoreKeys store={keysOf} onClose={() => setKeysOf(null)} />
    </PageContainer>
  );
}

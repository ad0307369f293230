import { PageContainer, ProTable } from '@ant-design/pro-components';
import { Badge, DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Live } from '../api/types';
import { FormModal } from '../components/FormModal';
import { dateTime } from '../format';
import { useAction, useLoad, useStores } from '../hooks';
import { listTableProps, newButtonToolbar } from '../components/list-table';
import { requiredText } from '../components/form-rules';

interface Values {
  title: string;
  storeId: string;
  range: [Dayjs, Dayjs];
}

function liveState(l: Live, now = Date.now()) {
  if (now < Date.parse(l.startsAt)) return <Badge status="default" text="未开始" />;
  if (now <= Date.parse(l.endsAt)) return <Badge status="processing" text="直播中" />;
  return <Badge status="success" text="已结束" />;
}

export function LivesPage() {
  const lives = useLoad(() => api<Live[]>('/lives'));
  const stores = useStores();
  const run = useAction();
  const [editing, setEditing] = useState<Live | 'new' | null>(null);
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);

  return (
    <PageContainer>
      <ProTable<Live>
        rowKey="id"
        headerTitle="直播场次"
        {...listTableProps(lives)}
        dataSource={lives.data}
        toolBarRender={newButtonToolbar('新建直播', () => setEditing('new'))}
        columns={[
          { title: '直播标题', dataIndex: 'title' },
          { title: '主办门店', dataIndex: 'storeId', render: (_, l) => storeName.get(l.storeId) ?? '-' },
          { title: '开始时间', dataIndex: 'startsAt', render: (_, l) => dateTime(l.startsAt) },
          { title: '结束时间', dataIndex: 'endsAt', render: (_, l) => dateTime(l.endsAt) },
          { title: '状态', key: 'state', render: (_, l) => liveState(l) },
          {
            title: '操作',
            key: 'op',
            render: (_, l) => <Typography.Link onClick={() => setEditing(l)}>编辑</Typography.Link>,
          },
        ]}
      />
      <FormModal<Values>
        title={editing === 'new' ? '新建直播' : '编辑直播'}
        open={editing !== null}
        onClose={() => setEditing(null)}
        initialValues={
          editing && editing !== 'new'
            ? {
                title: editing.title,
                storeId: editing.storeId,
                range: [dayjs(editing.startsAt), dayjs(editing.endsAt)],
              }
            : undefined
        }
        onSubmit={async (v) => {
          const body = {
            title: v.title,
            storeId: v.storeId,
            startsAt: v.range[0].toISOString(),
            endsAt: v.range[1].toISOString(),
          };
          const isNew = editing === 'new';
          const ok = await run(
            () =>
              isNew
                ? api('/admin/lives', { method: 'POST', body })
                : // A live keeps its host store; PATCH takes the title and the times.
                  api(`/admin/lives/${(editing as Live).id}`, {
                    method: 'PATCH',
                    body: { title: body.title, startsAt: body.startsAt, endsAt: body.endsAt },
                  }),
            isNew ? '直播已创建' : '直播已更新',
          );
          if (ok === undefined) return false;
          await lives.reload();
          return true;
        }}
      >
        <Form.Item name="title" label="直播标题" rules={requiredText('请输入标题')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="storeId" label="主办门店" rules={[{ required: true, message: '请选择门店' }]}>
          <Select
            disabled={editing !== 'new'}
            options={(stores.data ?? []).map((s) => ({ label: s.name, value: s.id }))}
          />
        </Form.Item>
        <Form.Item name="range" label="直播时间" rules={[{ required: true, message: '请选择直播时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}

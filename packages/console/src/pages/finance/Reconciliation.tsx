import { InboxOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProTable } from '@ant-design/pro-components';
import { App, Button, DatePicker, Drawer, Space, Tabs, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorText } from '../../api/client';
import type { ReconciliationRun, ReconciliationRunSummary } from '../../api/types';
import { ProgressModal } from '../../components/ProgressModal';
import { dateTime } from '../../format';
import { useLoad } from '../../hooks';
import { ReconciliationResult } from './ReconciliationResult';
import { listTableProps } from '../../components/list-table';

export function ReconciliationPage() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReconciliationRun | null>(null);
  const [date, setDate] = useState<Dayjs>(() => dayjs().subtract(1, 'day'));
  const [viewing, setViewing] = useState<ReconciliationRun | null>(null);
  const history = useLoad(() => api<ReconciliationRunSummary[]>('/finance/reconciliations'));

  const reconcile = async (work: () => Promise<ReconciliationRun>) => {
    setBusy(true);
    setResult(null);
    try {
      const r = await work();
      setResult(r);
      void message.success('对账完成');
      await history.reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const upload = (file: File) =>
    reconcile(async () =>
      api<ReconciliationRun>('/finance/reconciliations', {
        method: 'POST',
        raw: await file.text(),
        headers: { 'Content-Type': 'text/csv' },
      }),
    );

  const fetchByDate = () =>
    reconcile(() =>
      api<ReconciliationRun>('/finance/reconciliations/wechat', {
        method: 'POST',
        body: { billDate: date.format('YYYY-MM-DD') },
      }),
    );

  const open = async (r: ReconciliationRunSummary) => {
    try {
      setViewing(await api<ReconciliationRun>(`/finance/reconciliations/${r.id}`));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <PageContainer>
      <ProCard style={{ marginBottom: 16 }}>
        <Tabs
          items={[
            {
              key: 'upload',
              label: '上传交易账单',
              children: (
                <Upload.Dragger
                  accept=".csv,text/csv"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                  disabled={busy}
                  data-testid="recon-upload"
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">点击或拖拽微信支付交易账单（CSV）到此处</p>
                  <p className="ant-upload-hint">
                    在微信支付商户平台下载“交易账单”，上传后与系统的支付、退款记录逐笔核对
                  </p>
                </Upload.Dragger>
              ),
            },
            {
              key: 'fetch',
              label: '按日期拉取账单',
              children: (
                <Space>
                  <span>账单日期</span>
                  <DatePicker
                    value={date}
                    allowClear={false}
                    onChange={(d) => d && setDate(d)}
                    disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  />
                  <Button type="primary" onClick={fetchByDate} loading={busy}>
                    从微信支付拉取并对账
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </ProCard>
      {result && (
        <ProCard title="本次对账结果" headerBordered style={{ marginBottom: 16 }}>
          <ReconciliationResult result={result} />
        </ProCard>
      )}
      <ProTable<ReconciliationRunSummary>
        rowKey="id"
        headerTitle="对账记录"
        {...listTableProps(history, '暂无对账记录')}
        dataSource={history.data}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '账单日期', dataIndex: 'billDate' },
          { title: '对账时间', dataIndex: 'createdAt', render: (_, r) => dateTime(r.createdAt) },
          { title: '已匹配', dataIndex: 'matched', align: 'right' },
          { title: '账单有、系统无', key: 'mil', align: 'right', dataIndex: 'missingInLedgerCount' },
          { title: '系统有、账单无', key: 'mib', align: 'right', dataIndex: 'missingInBillCount' },
          { title: '金额不符', key: 'am', align: 'right', dataIndex: 'amountMismatchCount' },
          {
            title: '操作',
            key: 'op',
            render: (_, r) => <Typography.Link onClick={() => open(r)}>查看</Typography.Link>,
          },
        ]}
      />
      <Drawer
        width={960}
        title={`对账结果 ${viewing?.billDate ?? ''}`}
        open={!!viewing}
        onClose={() => setViewing(null)}
        destroyOnClose
      >
        {viewing && <ReconciliationResult result={viewing} />}
      </Drawer>
      <ProgressModal open={busy} title="正在对账" hint="正在逐笔核对账单与系统记录" />
    </PageContainer>
  );
}

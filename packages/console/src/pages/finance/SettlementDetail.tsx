import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { Alert, App, Button, Spin } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, download, errorText } from '../../api/client';
import type { Settlement } from '../../api/types';
import { useAuth } from '../../auth';
import { StatementsTable } from '../../components/StatementsTable';
import { dateTime, yuan } from '../../format';
import { useGuideNames, useLoad, useStores } from '../../hooks';

export function SettlementDetailPage() {
  const { period } = useParams();
  const { session } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const settlement = useLoad(() => api<Settlement>(`/finance/settlements/${period}`), [period]);
  const guides = useGuideNames(session?.role);
  const stores = useStores();
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);
  const s = settlement.data;

  const csv = async () => {
    try {
      const { filename } = await download(
        `/finance/settlements/${period}/statements.csv`,
        `guide-statements-${period}.csv`,
      );
      void message.success(`已下载 ${filename}`);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <PageContainer
      title={`结算单 ${period}`}
      onBack={() => navigate('/finance/settlements')}
      extra={
        <Button type="primary" icon={<DownloadOutlined />} onClick={csv} disabled={!s} data-testid="settlement-csv">
          下载结算单 CSV
        </Button>
      }
    >
      {settlement.error && <Alert type="error" showIcon message={settlement.error.message} />}
      {!s && settlement.loading && <Spin />}
      {s && (
        <>
          <StatisticCard.Group direction="row" style={{ marginBottom: 16 }}>
            <StatisticCard statistic={{ title: '应付佣金合计', value: yuan(s.totalFen) }} />
            <StatisticCard statistic={{ title: '本期明细金额', value: yuan(s.entriesFen ?? 0) }} />
            <StatisticCard statistic={{ title: '期初结余', value: yuan(s.openingFen ?? 0) }} />
            <StatisticCard statistic={{ title: '结转下期', value: yuan(s.carriedForwardFen ?? 0) }} />
            <StatisticCard
              statistic={{ title: '结算时间', value: dateTime(s.closedAt), valueStyle: { fontSize: 20 } }}
            />
          </StatisticCard.Group>
          <ProCard title="导购结算明细" headerBordered>
            <StatementsTable
              statements={s.statements ?? []}
              guideName={guides.data}
              storeName={storeName}
              testId="statements"
            />
          </ProCard>
        </>
      )}
    </PageContainer>
  );
}

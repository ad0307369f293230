import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import type { AttributionClaim, ClaimStatus } from '@guideshare/contracts';
import { api } from '../../../lib/api';
import { currentGuide, guideToken } from '../../../lib/auth';
import { AppError } from '../../../lib/errors';
import { formatDateTime, shortId } from '../../../lib/labels';
import { asAppError, useAsync } from '../../../hooks/useAsync';
import { Empty, ErrorBanner, ErrorState, Loading } from '../../../components/State';
import '../guide.css';
import { BusyButton, TextField } from '../../../components/FormControls';

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  REQUESTED: '待审核',
  APPROVED: '已通过',
  REJECTED: '已驳回',
};
const STATUS_TAGS: Record<ClaimStatus, string> = {
  REQUESTED: 'tag--primary',
  APPROVED: 'tag--muted',
  REJECTED: 'tag--refund',
};

/** Files a claim for a counter sale of the guide's own store. */
function ClaimForm({ storeId, onFiled }: { storeId: string; onFiled: () => void }) {
  const [receiptNo, setReceiptNo] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState(false);

  const submit = async () => {
    if (busy) return;
    setDone(false);
    const r = receiptNo.trim();
    const why = reason.trim();
    if (!r || !why) {
      setError(new AppError('VALIDATION_FAILED', '请填写小票号和补录原因', 400));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.fileClaim({ storeId, receiptNo: r, reason: why });
      setReceiptNo('');
      setReason('');
      setDone(true);
      onFiled();
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="claim-form">
      <Text className="card__title">申请补录</Text>
      <Text className="muted form-hint">门店柜台成交但没有计入你的业绩时，凭小票号申请补录，审核通过后计入。</Text>
      {error ? <ErrorBanner error={error} onClose={() => setError(null)} /> : null}
      {done ? (
        <Text className="form-hint" data-testid="claim-success">
          已提交补录申请，请等待审核
        </Text>
      ) : null}
      <TextField
        className="input mt"
        value={receiptNo}
        maxlength={64}
        placeholder="小票号"
        onChange={setReceiptNo}
        testId="claim-receipt"
      />
      <TextField
        className="input mt"
        value={reason}
        maxlength={200}
        placeholder="补录原因，例如：客户到店时忘记扫码"
        onChange={setReason}
        testId="claim-reason"
      />
      <BusyButton busy={busy} onClick={() => void submit()} text="提交补录" busyText="提交中…" testId="claim-submit" />
    </View>
  );
}

function ClaimRow({ claim, storeName }: { claim: AttributionClaim; storeName: string }) {
  return (
    <View className="entry" data-testid="claim" data-status={claim.status}>
      <View className="entry__main">
        <Text className="entry__title">小票 {claim.receiptNo}</Text>
        <Text className="muted">
          {storeName} · {formatDateTime(claim.createdAt)}
        </Text>
        <Text className="muted">原因：{claim.reason}</Text>
        {claim.status === 'REJECTED' && claim.decisionReason ? (
          <Text className="muted" data-testid="claim-rejection">
            驳回原因：{claim.decisionReason}
          </Text>
        ) : null}
      </View>
      <Text className={`tag ${STATUS_TAGS[claim.status]}`} data-testid="claim-status">
        {CLAIM_STATUS_LABELS[claim.status] ?? claim.status}
      </Text>
    </View>
  );
}

export default function GuideClaimsPage() {
  const guide = guideToken() ? currentGuide() : null;
  const claims = useAsync(() => api.myClaims(), [], { immediate: !!guide });
  const stores = useAsync(() => api.stores(), [], { immediate: !!guide });

  if (!guide) {
    return (
      <View className="page">
        <Empty title="请先登录导购工作台" />
      </View>
    );
  }
  const storeName = (id: string) => stores.data?.find((s) => s.id === id)?.name ?? `门店 ${shortId(id, 6)}`;

  return (
    <View className="page" data-testid="guide-claims">
      <ClaimForm storeId={guide.storeId} onFiled={() => void claims.reload()} />
      <View className="card">
        <Text className="card__title">我的补录</Text>
        {claims.status === 'loading' && !claims.data ? (
          <Loading />
        ) : claims.status === 'error' ? (
          <ErrorState error={claims.error} onRetry={claims.reload} />
        ) : (claims.data ?? []).length === 0 ? (
          <Empty title="还没有补录申请" hint="柜台成交没有计入业绩时，可以在上方申请补录" />
        ) : (
          <View className="entries" data-testid="claims">
            {claims.data!.map((c) => (
              <ClaimRow key={c.id} claim={c} storeName={storeName(c.storeId)} />
            ))}
          </View>
        )}
      </View>
    </View>
  );
}

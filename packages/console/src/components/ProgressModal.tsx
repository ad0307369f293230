import { Modal, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';

/**
 * Shown while a long request runs (closing a month, reconciling a bill): an advancing bar and the
 * elapsed time, so the page never looks frozen. The bar approaches but never reaches 100% until done.
 */
export function ProgressModal({ open, title, hint }: { open: boolean; title: string; hint?: string }) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!open) return;
    setElapsed(0);
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - started), 200);
    return () => clearInterval(timer);
  }, [open]);
  const seconds = Math.floor(elapsed / 1000);
  const percent = Math.min(95, Math.round(100 * (1 - Math.exp(-elapsed / 8000))));
  return (
    <Modal open={open} title={title} footer={null} closable={false} maskClosable={false} data-testid="progress-modal">
      <Progress percent={percent} status="active" showInfo={false} />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        已用时 <span data-testid="progress-elapsed">{seconds}</span> 秒{hint ? `，${hint}` : ''}
      </Typography.Paragraph>
      <Typography.Text type="secondary">请勿关闭页面，处理完成后将自动显示结果。</Typography.Text>
    </Modal>
  );
}

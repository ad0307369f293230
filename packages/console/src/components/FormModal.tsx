import { Form, Modal, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';

/** A modal form: validates, runs `onSubmit` (which reports its own errors) and closes on success. */
export function FormModal<T extends object>({
  title,
  open,
  onClose,
  onSubmit,
  initialValues,
  okText = '确定',
  children,
  testId,
}: {
  title: ReactNode;
  open: boolean;
  onClose(): void;
  onSubmit(values: T): Promise<boolean>;
  initialValues?: Partial<T>;
  okText?: string;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
  testId?: string;
}) {
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (initialValues) form.setFieldsValue(initialValues as never);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText={okText}
      confirmLoading={busy}
      destroyOnClose
      forceRender
      data-testid={testId}
      onOk={async () => {
        const values = await form.validateFields();
        setBusy(true);
        try {
          if (await onSubmit(values)) onClose();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical">
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}

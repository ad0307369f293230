import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import type { Loaded } from '../hooks';

/** A loaded table's empty text: the load's Chinese error when it failed, else `text`. */
export function emptyOrError(list: Pick<Loaded<unknown>, 'error'>, text: string) {
  return { emptyText: list.error ? list.error.message : text };
}

/** What every loaded console list table shares: no search form, the loading state, its error, a reload button. */
export function listTableProps(list: Pick<Loaded<unknown>, 'loading' | 'reload' | 'error'>, emptyText = '暂无数据') {
  return {
    search: false as const,
    loading: list.loading,
    locale: emptyOrError(list, emptyText),
    options: { reload: () => void list.reload(), density: false, setting: false },
  };
}

/** The toolbar's primary "新建…" button of a list page. */
export function NewButton({ onClick, testId, children }: { onClick(): void; testId?: string; children: ReactNode }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}

/** The settings of a small, unpaged table inside a card (order lines, histories). */
export const SMALL_TABLE = { rowKey: 'id', size: 'small', pagination: false } as const;

/** The toolbar of a list page that holds only its "新建…" button. */
export function newButtonToolbar(label: string, onClick: () => void, testId?: string) {
  return () => [
    <NewButton key="new" onClick={onClick} testId={testId}>
      {label}
    </NewButton>,
  ];
}

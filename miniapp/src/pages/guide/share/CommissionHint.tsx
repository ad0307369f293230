import { Text } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { formatPrice, type ProductCommission } from '@guideshare/contracts';
import { api } from '../../../lib/api';

/** The workbench's estimates by product id; empty when the API cannot say (the list still works). */
export function useCommissionEstimates(enabled: boolean): Record<string, ProductCommission> {
  const [byId, setById] = useState<Record<string, ProductCommission>>({});
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api.productCommissions().then(
      (rows) => live && setById(Object.fromEntries(rows.map((r) => [r.productId, r]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return byId;
}

/** "预计佣金 ¥8.00" (or a range over the SKUs) under a product the guide may share. */
export function CommissionHint({ estimate }: { estimate?: ProductCommission }) {
  if (!estimate) return null;
  const { minCommissionFen: min, maxCommissionFen: max } = estimate;
  return (
    <Text className="commission-hint" data-testid="commission-estimate">
      预计佣金 {formatPrice(min)}
      {max !== min ? ` – ${formatPrice(max)}` : ''}
    </Text>
  );
}

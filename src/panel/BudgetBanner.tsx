import { useI18n } from '../ui/i18nContext';
import { usePanelEnv } from './panelEnv';

/** Near (or past) the admin's daily cap the panel shows saved answers and says so (SPEC E1). */
export function BudgetBanner() {
  const i18n = useI18n();
  const { billing } = usePanelEnv();
  const level = billing.budgetLevel();
  if (level === 'normal') return null;
  return (
    <p className="banner" role="status">
      {i18n.t(level === 'over' ? 'panel.overCap' : 'panel.nearCap')}
    </p>
  );
}

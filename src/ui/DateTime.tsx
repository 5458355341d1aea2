import { useI18n } from './i18nContext';

/** A calendar date ("YYYY-MM-DD") or an instant, in the agent's time zone. */
export function DateTime({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  const i18n = useI18n();
  const text = withTime ? i18n.dateTime(value) : i18n.date(value);
  return value ? <time dateTime={value}>{text}</time> : <span>{text}</span>;
}

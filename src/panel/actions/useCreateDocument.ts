/**
 * Everything "create an invoice or quote" knows and does, without markup: the lines the agent builds, what
 * is wrong with each (shown once a field was left or a submit was tried, gone as soon as it is right), the
 * total, and the confirmed write through the write guard (one click, one document).
 */
import { ticketReference } from '../../billing/ticketReference';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { CatalogEntry, CustomerSummary, DocumentInput } from '../../billing/types';
import type { DeskHost } from '../../host/types';
import { createWriteGuard, todayIn, type WriteApi, type WriteKind, type WriteOutcome, type WrittenDocument } from '../../integration/writes/writeGuard';
import { useI18n } from '../../ui/i18nContext';
import {
  catalogPriceFits,
  currencyDigits,
  documentCurrency,
  knownExchangeRate,
  parseAmount,
  priceProblem,
  QUANTITY_DECIMALS,
  quantityProblem,
  type FieldProblem,
} from './documentLines';
import { useOnce } from './useOnce';

export interface CreateDocumentOptions {
  host: DeskHost;
  api: WriteApi;
  kind: WriteKind;
  customer: Pick<CustomerSummary, 'id' | 'displayName' | 'email' | 'currencyCode'>;
  /** The organization's base currency, the currency of catalog prices (null: not known). */
  baseCurrency: string | null;
  ticketNumber: string | null;
  today?: string | undefined;
  onCreated?: ((document: WrittenDocument) => void) | undefined;
}

type Field = 'quantity' | 'price';

interface Line {
  key: number;
  entry: CatalogEntry;
  quantity: string;
  price: string;
  left: Record<Field, boolean>;
}

export interface LineView {
  key: number;
  entry: CatalogEntry;
  quantity: string;
  price: string;
  quantityError: string | null;
  priceError: string | null;
  /** null while the quantity or price is not valid. */
  total: number | null;
  /** The catalog price could not be used because it is in another currency. */
  enterPrice: boolean;
}

export function useCreateDocument(options: CreateDocumentOptions) {
  const { host, api, kind, customer, baseCurrency } = options;
  const i18n = useI18n();
  const k = `actions.${kind}` as const;
  const guard = useMemo(() => createWriteGuard({ storage: host.storage, api }), [host, api]);
  const fixedReference = ticketReference(options.ticketNumber);
  const currency = documentCurrency(customer.currencyCode, baseCurrency);
  const digits = currencyDigits(currency);

  const [lines, setLines] = useState<Line[]>([]);
  const [reference, setReference] = useState('');
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; uncertain: boolean } | null>(null);
  const [created, setCreated] = useState<WrittenDocument | null>(null);
  const nextKey = useRef(1);
  const { busy, run } = useOnce();

  const say = (problem: FieldProblem | null): string | null => {
    if (!problem) return null;
    const code = currency ?? i18n.t('actions.document.orgCurrency');
    switch (problem.key) {
      case 'quantityMissing':
        return i18n.t('actions.document.quantityMissing');
      case 'quantityFormat':
        return i18n.t('actions.document.quantityFormat');
      case 'quantityZero':
        return i18n.t('actions.document.quantityZero');
      case 'quantityTooLarge':
        return i18n.t('actions.document.quantityTooLarge', { max: i18n.number(problem.max) });
      case 'quantityDecimals':
        return i18n.t('actions.document.quantityDecimals', { count: QUANTITY_DECIMALS });
      case 'priceMissing':
        return i18n.t('actions.document.priceMissing', { currency: code });
      case 'priceFormat':
        return i18n.t('actions.document.priceFormat', { example: digits === 0 ? '1500' : '1500.50' });
      case 'priceNegative':
        return i18n.t('actions.document.priceNegative');
      case 'priceTooLarge':
        return i18n.t('actions.document.priceTooLarge', { max: i18n.money(problem.max, currency) });
      case 'priceDecimals':
        return problem.digits === 0
          ? i18n.t('actions.document.priceNoDecimals', { currency: code })
          : i18n.t('actions.document.priceDecimals', { currency: code, count: problem.digits });
    }
  };

  const views: LineView[] = lines.map((l) => {
    const q = quantityProblem(l.quantity);
    const p = priceProblem(l.price, digits);
    return {
      key: l.key,
      entry: l.entry,
      quantity: l.quantity,
      price: l.price,
      quantityError: tried || l.left.quantity ? say(q) : null,
      priceError: tried || l.left.price ? say(p) : null,
      total: q || p ? null : (parseAmount(l.quantity) ?? 0) * (parseAmount(l.price) ?? 0),
      enterPrice: !catalogPriceFits(l.entry, customer.currencyCode, baseCurrency),
    };
  });
  const total = views.reduce((sum, v) => sum + (v.total ?? 0), 0);
  const valid = lines.length > 0 && views.every((v) => v.total !== null);

  const add = (entry: CatalogEntry) => {
    const key = nextKey.current++;
    const fits = catalogPriceFits(entry, customer.currencyCode, baseCurrency) && entry.price !== null;
    setLines((ls) => [...ls, { key, entry, quantity: '1', price: fits ? String(entry.price) : '', left: { quantity: false, price: false } }]);
  };
  const change = (key: number, field: Field, value: string) =>
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, [field]: value } : l)));
  const leave = (key: number, field: Field) =>
    setLines((ls) => ls.map((l) => (l.key === key && !l.left[field] ? { ...l, left: { ...l.left, [field]: true } } : l)));
  const remove = (key: number) => setLines((ls) => ls.filter((l) => l.key !== key));

  const effectiveReference = fixedReference ?? reference.trim();
  const input = (): DocumentInput => {
    const notesText = notes.trim();
    const rate = knownExchangeRate(customer.currencyCode, baseCurrency);
    return {
      customerId: customer.id,
      date: options.today ?? todayIn(host.context().user.timeZone),
      referenceNumber: effectiveReference,
      lines: lines.map((l) => ({
        productId: l.entry.id,
        name: l.entry.name,
        ...(l.entry.description ? { description: l.entry.description } : {}),
        price: parseAmount(l.price) ?? 0,
        quantity: parseAmount(l.quantity) ?? 0,
      })),
      ...(notesText ? { notes: notesText } : {}),
      ...(rate !== undefined ? { exchangeRate: rate } : {}),
    };
  };

  const finish = (outcome: WriteOutcome) => {
    if (outcome.status === 'created') {
      setFailure(null);
      setCreated(outcome.document);
      host.notify(i18n.t(`${k}.created`, { number: outcome.document.number }), 'success');
      options.onCreated?.(outcome.document);
    } else if (outcome.status === 'failed') {
      setFailure({ error: outcome.error, uncertain: false });
    } else if (outcome.status === 'unknown') {
      setFailure({ error: outcome.error, uncertain: true });
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setTried(true);
      if (!valid) return;
      const document = input();
      const name = customer.displayName || customer.email;
      const ok = await host.confirm({
        title: i18n.t(`${k}.confirmTitle`),
        message: i18n.t('actions.document.confirmMessage', {
          customer: name,
          lines: document.lines.length,
          total: i18n.money(total, currency),
          reference: document.referenceNumber || i18n.t('actions.document.noReference'),
        }),
        okText: i18n.t(`${k}.submit`),
        cancelText: i18n.t('actions.cancel'),
      });
      if (!ok) return;
      // The guard could not make the write safe on its own; the agent reads why and decides.
      const createAnyway = (why: 'unverifiable' | 'unprotected') =>
        host.confirm({
          title: i18n.t(`${k}.${why}Title`),
          message: i18n.t(`${k}.${why}Message`, { customer: name }),
          okText: i18n.t(`${k}.createAnyway`),
          cancelText: i18n.t('actions.cancel'),
          danger: true,
        });
      let outcome = await guard.create(kind, document);
      if (outcome.status === 'unverifiable') {
        // Billing cannot be asked whether the earlier attempt landed: the agent checks and decides.
        if (!(await createAnyway('unverifiable'))) return;
        outcome = await guard.create(kind, document, { force: true });
      }
      if (outcome.status === 'unprotected') {
        // Desk storage cannot hold the duplicate guard's record: nothing was sent yet, the agent decides.
        if (!(await createAnyway('unprotected'))) return;
        outcome = await guard.create(kind, document, { allowUnprotected: true });
      }
      finish(outcome);
    });
  };

  const startOver = () => {
    setCreated(null);
    setLines([]);
    setNotes('');
    setReference('');
    setTried(false);
    setFailure(null);
  };

  return {
    currency,
    lines: views,
    total,
    noLinesError: tried && lines.length === 0,
    fixedReference,
    reference,
    setReference,
    notes,
    setNotes,
    busy,
    failure,
    created,
    add,
    change,
    leave,
    remove,
    submit,
    startOver,
  };
}

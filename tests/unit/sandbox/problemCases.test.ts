/** The sandbox customers of the problem line (issue 20): each shows its kind at the world's today, in any world. */
import { createBillingSandbox } from '../../../src/sandbox/billing/sandbox';
import { BILLING_FIXTURES as F } from '../../../src/sandbox/billing/fixtures';
import { generateBillingDataset } from '../../../src/sandbox/billing/dataset';
import { detectProblems } from '../../../src/panel/problems';
import { invoiceSummarySchema, parseRows, subscriptionSchema } from '../../../src/billing/schemas';
import { subscriptionDetailSchema, transactionSchema } from '../../../src/billing/detailSchemas';

function problemsOf(today: string, customerId: string) {
  const ds = generateBillingDataset({ today });
  const subscriptions = parseRows(ds.subscriptions.filter((s) => s.customer_id === customerId), subscriptionSchema).items;
  const invoices = parseRows(ds.invoices.filter((i) => i.customer_id === customerId), invoiceSummarySchema).items;
  const transactions = parseRows(ds.transactions.filter((t) => t.customer_id === customerId), transactionSchema).items;
  const details = parseRows(ds.subscriptions.filter((s) => s.customer_id === customerId), subscriptionDetailSchema).items;
  return detectProblems({ today, subscriptions, invoices, transactions, details, currencyCode: null }).map((p) => p.kind);
}

describe.each(['2026-11-27', '2026-12-31', '2027-02-28', '2027-03-01'])('problem customers at %s', (today) => {
  it('each customer shows its kind', () => {
    expect(problemsOf(today, F.kestrelCustomerId)).toEqual(['paymentFailed', 'dunning', 'overdue']);
    expect(problemsOf(today, F.hoshinoCustomerId)).toEqual(['trialEnding']);
    expect(problemsOf(today, F.meadowbrookCustomerId)).toEqual(['ending']);
    expect(problemsOf(today, F.tanakaCustomerId)).toEqual(['card']);
  });
});

it('the filler is unchanged by them: the same customers before the problem cases', () => {
  const ids = createBillingSandbox().dataset.customers.map((c) => c.customer_id);
  expect(ids.slice(-4)).toEqual([F.kestrelCustomerId, F.hoshinoCustomerId, F.meadowbrookCustomerId, F.tanakaCustomerId]);
});

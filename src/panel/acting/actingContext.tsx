import { createContext, useContext, type ReactNode } from 'react';
import type { MatchMethod } from '../../integration/records/types';

/** The customer the panel shows and how it was matched: every confirmation names both (issue 20). */
export interface ActingCustomer {
  id: string;
  name: string;
  email: string;
  method: MatchMethod;
}

const Ctx = createContext<ActingCustomer | null>(null);

export function ActingCustomerProvider({ customer, children }: { customer: ActingCustomer; children: ReactNode }) {
  return <Ctx.Provider value={customer}>{children}</Ctx.Provider>;
}

/** Null outside a customer view (a detail opened elsewhere): actions are then not offered. */
export function useActingCustomer(): ActingCustomer | null {
  return useContext(Ctx);
}

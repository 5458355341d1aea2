export { CreateCustomerForm, type CreateCustomerFormProps } from './CreateCustomerForm';
export { EditAddressesForm, type EditAddressesFormProps } from './EditAddressesForm';
export { CreateDocumentForm, type CreateDocumentFormProps } from './CreateDocumentForm';
export { InvoiceActions, type InvoiceActionsProps } from './InvoiceActions';
export { insertPaymentLink, latestUnpaid, payable, paymentLinkFor } from './paymentLink';
export { CreateCustomerPanel } from '../CreateCustomerPanel';

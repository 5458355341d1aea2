// The bench's floor: the smallest React 19 page, built with the same Vite + plugin-react + target as app/.
// The panel's initial JS+CSS is reported as a multiple of this page's gzip size.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <h1>Hello, world</h1>
    </StrictMode>,
  );
}

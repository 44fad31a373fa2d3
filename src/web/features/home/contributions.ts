// What modules add to the home page. The composition root (src/web/app/contributions/) lists
// them; the route tree hands the list to HomePage, so home imports no module's feature folder.
import type { ComponentType } from 'react';

export interface HomePanel {
  key: string;
  /** shown only to users granted this capability */
  capability: string;
  /** `top`: full width, above the grid; `grid`: a cell of the two-column grid */
  placement: 'top' | 'grid';
  Panel: ComponentType;
}

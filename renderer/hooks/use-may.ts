// Whether the logged-in operator's role may make a call (the contract's access, shared/roles.ts):
// buttons for writes the role may not make are not shown (the archive refuses them anyway).
import type { Endpoint } from '../../shared/api/index.ts';
import { mayCall } from '../../shared/roles.ts';
import { useStore } from '../store/index.ts';

export function useMay(endpoint: Endpoint): boolean {
  const role = useStore((s) => s.session?.role ?? null);
  return role != null && mayCall(endpoint, role);
}

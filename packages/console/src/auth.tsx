import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthStaffResponse, StaffRole } from '@guideshare/contracts';
import { api, loadSession, saveSession, setUnauthorizedHandler, tokenClaims, type Session } from './api/client';

interface AuthState {
  session: Session | null;
  login(username: string, password: string): Promise<Session>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());

  const logout = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);

  useEffect(() => setUnauthorizedHandler(logout), [logout]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await api<AuthStaffResponse>('/auth/staff', {
      method: 'POST',
      body: { username, password },
      anonymous: true,
    });
    const claims = tokenClaims(res.token);
    const next: Session = {
      token: res.token,
      role: res.role,
      username,
      storeId: res.storeId ?? claims.storeId,
    };
    saveSession(next);
    setSession(next);
    return next;
  }, []);

  const value = useMemo(() => ({ session, login, logout }), [session, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The home page of each role. */
export function homeOf(role: StaffRole): string {
  if (role === 'clerk') return '/counter';
  if (role === 'finance') return '/dashboard';
  return '/dashboard';
}

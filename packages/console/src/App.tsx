import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import type { StaffRole } from './api/client';
import { homeOf, useAuth } from './auth';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './pages/Login';

const page = <T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) =>
  lazy(async () => ({ default: (await load())[name] as React.ComponentType }));

const Dashboard = page(() => import('./pages/Dashboard'), 'DashboardPage');
const Products = page(() => import('./pages/catalog/Products'), 'ProductsPage');
const ProductEdit = page(() => import('./pages/catalog/ProductEdit'), 'ProductEditPage');
const Categories = page(() => import('./pages/catalog/Categories'), 'CategoriesPage');
const Orders = page(() => import('./pages/orders/Orders'), 'OrdersPage');
const AfterSales = page(() => import('./pages/orders/AfterSales'), 'AfterSalesPage');
const Claims = page(() => import('./pages/orders/Claims'), 'ClaimsPage');
const OrderDetail = page(() => import('./pages/orders/OrderDetail'), 'OrderDetailPage');
const Stores = page(() => import('./pages/Stores'), 'StoresPage');
const Guides = page(() => import('./pages/Guides'), 'GuidesPage');
const Members = page(() => import('./pages/Members'), 'MembersPage');
const Lives = page(() => import('./pages/Lives'), 'LivesPage');
const Policy = page(() => import('./pages/Policy'), 'PolicyPage');
const Staff = page(() => import('./pages/Staff'), 'StaffPage');
const Settlements = page(() => import('./pages/finance/Settlements'), 'SettlementsPage');
const SettlementDetail = page(() => import('./pages/finance/SettlementDetail'), 'SettlementDetailPage');
const Adjustments = page(() => import('./pages/finance/Adjustments'), 'AdjustmentsPage');
const Reconciliation = page(() => import('./pages/finance/Reconciliation'), 'ReconciliationPage');
const Counter = page(() => import('./pages/counter/Counter'), 'CounterPage');
const CounterRefund = page(() => import('./pages/counter/CounterRefund'), 'CounterRefundPage');
const Pickup = page(() => import('./pages/counter/Pickup'), 'PickupPage');

function Forbidden() {
  const navigate = useNavigate();
  const { session } = useAuth();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="当前账号的角色不能使用此页面"
      extra={
        <Button type="primary" onClick={() => navigate(session ? homeOf(session.role) : '/login')}>
          返回首页
        </Button>
      }
    />
  );
}

/** A page for some roles only; others see 403 (and the API refuses them too). */
function Guard({ roles, children }: { roles: StaffRole[]; children: ReactNode }) {
  const { session } = useAuth();
  if (!session) return <Navigate to="/login" replace />;
  if (!roles.includes(session.role)) return <Forbidden />;
  return <Suspense fallback={<Spin style={{ display: 'block', margin: '120px auto' }} />}>{children}</Suspense>;
}

const A: StaffRole[] = ['admin'];
const F: StaffRole[] = ['finance'];
const AF: StaffRole[] = ['admin', 'finance'];
const C: StaffRole[] = ['clerk'];

export function ConsoleRoutes() {
  const { session } = useAuth();
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={session ? <AppLayout /> : <Navigate to="/login" replace />}>
        <Route path="/dashboard" element={<Guard roles={AF}>{<Dashboard />}</Guard>} />
        <Route path="/catalog/products" element={<Guard roles={A}>{<Products />}</Guard>} />
        <Route path="/catalog/products/new" element={<Guard roles={A}>{<ProductEdit />}</Guard>} />
        <Route path="/catalog/products/:id" element={<Guard roles={A}>{<ProductEdit />}</Guard>} />
        <Route path="/catalog/categories" element={<Guard roles={A}>{<Categories />}</Guard>} />
        <Route path="/orders" element={<Navigate to="/orders/list" replace />} />
        <Route path="/orders/list" element={<Guard roles={AF}>{<Orders />}</Guard>} />
        <Route path="/orders/after-sales" element={<Guard roles={A}>{<AfterSales />}</Guard>} />
        <Route path="/orders/claims" element={<Guard roles={A}>{<Claims />}</Guard>} />
        <Route path="/orders/:id" element={<Guard roles={AF}>{<OrderDetail />}</Guard>} />
        <Route path="/stores" element={<Guard roles={A}>{<Stores />}</Guard>} />
        <Route path="/guides" element={<Guard roles={A}>{<Guides />}</Guard>} />
        <Route path="/members" element={<Guard roles={A}>{<Members />}</Guard>} />
        <Route path="/lives" element={<Guard roles={A}>{<Lives />}</Guard>} />
        <Route path="/policy" element={<Guard roles={A}>{<Policy />}</Guard>} />
        <Route path="/staff" element={<Guard roles={A}>{<Staff />}</Guard>} />
        <Route path="/finance/settlements" element={<Guard roles={AF}>{<Settlements />}</Guard>} />
        <Route path="/finance/settlements/:period" element={<Guard roles={AF}>{<SettlementDetail />}</Guard>} />
        <Route path="/finance/adjustments" element={<Guard roles={F}>{<Adjustments />}</Guard>} />
        <Route path="/finance/reconciliation" element={<Guard roles={F}>{<Reconciliation />}</Guard>} />
        <Route path="/counter" element={<Guard roles={C}>{<Counter />}</Guard>} />
        <Route path="/counter/refund" element={<Guard roles={C}>{<CounterRefund />}</Guard>} />
        <Route path="/counter/pickup" element={<Guard roles={C}>{<Pickup />}</Guard>} />
        <Route path="*" element={<Navigate to={session ? homeOf(session.role) : '/login'} replace />} />
      </Route>
    </Routes>
  );
}

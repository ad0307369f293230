import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  PlaySquareOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { StaffRole } from './api/client';

export interface MenuRoute {
  path: string;
  name: string;
  icon?: ReactNode;
  roles: StaffRole[];
  routes?: MenuRoute[];
  hideInMenu?: boolean;
}

/** The side menu: each role sees only its entries (the API refuses the rest as well). */
export const MENU: MenuRoute[] = [
  { path: '/dashboard', name: '数据概览', icon: <DashboardOutlined />, roles: ['admin', 'finance'] },
  {
    path: '/catalog',
    name: '商品管理',
    icon: <AppstoreOutlined />,
    roles: ['admin'],
    routes: [
      { path: '/catalog/products', name: '商品列表', roles: ['admin'] },
      { path: '/catalog/products/new', name: '新建商品', roles: ['admin'], hideInMenu: true },
      { path: '/catalog/products/:id', name: '编辑商品', roles: ['admin'], hideInMenu: true },
      { path: '/catalog/categories', name: '商品类目', roles: ['admin'] },
    ],
  },
  {
    path: '/orders',
    name: '订单管理',
    icon: <ShoppingCartOutlined />,
    roles: ['admin', 'finance'],
    routes: [
      { path: '/orders/list', name: '订单列表', roles: ['admin', 'finance'] },
      { path: '/orders/after-sales', name: '售后申请', roles: ['admin'] },
      { path: '/orders/claims', name: '导购补录', roles: ['admin'] },
      { path: '/orders/:id', name: '订单详情', roles: ['admin', 'finance'], hideInMenu: true },
    ],
  },
  { path: '/stores', name: '门店管理', icon: <ShopOutlined />, roles: ['admin'] },
  { path: '/guides', name: '导购管理', icon: <TeamOutlined />, roles: ['admin'] },
  { path: '/members', name: '会员管理', icon: <UserOutlined />, roles: ['admin'] },
  { path: '/lives', name: '直播管理', icon: <PlaySquareOutlined />, roles: ['admin'] },
  { path: '/policy', name: '归因与佣金策略', icon: <SafetyCertificateOutlined />, roles: ['admin'] },
  { path: '/staff', name: '员工账号', icon: <SolutionOutlined />, roles: ['admin'] },
  {
    path: '/finance',
    name: '财务管理',
    icon: <AccountBookOutlined />,
    roles: ['finance', 'admin'],
    routes: [
      { path: '/finance/settlements', name: '月度结算', roles: ['finance', 'admin'] },
      { path: '/finance/settlements/:period', name: '结算单', roles: ['finance', 'admin'], hideInMenu: true },
      { path: '/finance/adjustments', name: '佣金调整', roles: ['finance'] },
      { path: '/finance/reconciliation', name: '支付对账', roles: ['finance'] },
    ],
  },
  { path: '/counter', name: '门店收银台', icon: <AuditOutlined />, roles: ['clerk'] },
  { path: '/counter/refund', name: '小票退款', icon: <ProfileOutlined />, roles: ['clerk'] },
  { path: '/counter/pickup', name: '自提核销', icon: <FileSearchOutlined />, roles: ['clerk'] },
];

export function menuFor(role: StaffRole, routes: MenuRoute[] = MENU): MenuRoute[] {
  return routes
    .filter((r) => r.roles.includes(role))
    .map((r) => (r.routes ? { ...r, routes: menuFor(role, r.routes) } : r));
}

/** Breadcrumb trail of a location: the menu entries whose pattern matches a prefix of the path. */
export function trail(pathname: string, routes: MenuRoute[] = MENU, acc: MenuRoute[] = []): MenuRoute[] {
  for (const r of routes) {
    if (matches(r.path, pathname)) return [...acc, r];
    if (r.routes && pathname.startsWith(`${r.path}/`)) {
      const inner = trail(pathname, r.routes, [...acc, r]);
      if (inner.length > acc.length + 1) return inner;
    }
  }
  return acc;
}

function matches(pattern: string, pathname: string): boolean {
  const p = pattern.split('/');
  const s = pathname.split('/');
  if (p.length !== s.length) return false;
  return p.every((part, i) => part.startsWith(':') || part === s[i]);
}

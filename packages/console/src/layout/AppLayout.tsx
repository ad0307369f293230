import { LogoutOutlined, ShopOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Dropdown, Space, Tag, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { Store } from '../api/types';
import { useAuth } from '../auth';
import { ROLE_LABEL } from '../format';
import { useLoad } from '../hooks';
import { menuFor } from '../routes';

/** Ant Design Pro layout: side menu by role, header with the user, role (and a clerk's store). */
export function AppLayout() {
  const { session, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const stores = useLoad(() => api<Store[]>('/stores'));
  if (!session) return null;
  const menu = menuFor(session.role);
  const storeName = session.storeId ? stores.data?.find((s) => s.id === session.storeId)?.name : undefined;
  return (
    <ProLayout
      title="GuideShare 管理后台"
      logo={<span className="gs-logo">GS</span>}
      layout="mix"
      splitMenus={false}
      fixSiderbar
      fixedHeader
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menu }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      subMenuItemRender={(_, dom) => dom}
      token={{ header: { colorBgHeader: '#001529', colorHeaderTitle: '#fff', colorTextRightActionsItem: '#fff' } }}
      actionsRender={() => [
        <Space key="who" size={8} data-testid="header-user">
          {storeName && (
            <Tag icon={<ShopOutlined />} color="blue" data-testid="header-store">
              {storeName}
            </Tag>
          )}
          <Tag color="gold" data-testid="header-role">
            {ROLE_LABEL[session.role] ?? session.role}
          </Tag>
          <Dropdown
            menu={{
              items: [{ key: 'logout', icon: <LogoutOutlined />, label: '退出登录' }],
              onClick: () => {
                logout();
                navigate('/login');
              },
            }}
          >
            <Typography.Text style={{ color: '#fff', cursor: 'pointer' }} data-testid="header-username">
              {session.username}
            </Typography.Text>
          </Dropdown>
        </Space>,
      ]}
      footerRender={() => (
        <div style={{ textAlign: 'center', color: '#999', padding: '16px 0' }}>GuideShare 导购分销 · 管理后台</div>
      )}
    >
      <Outlet />
    </ProLayout>
  );
}

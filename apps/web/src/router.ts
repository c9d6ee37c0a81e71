import { closeToast } from 'vant';
import { createRouter, createWebHistory, RouteRecordRaw } from 'vue-router';
import { Role } from './api/types';
import { ROLE_HOME } from './labels';
import { isChunkLoadError, network } from './offline';
import { loadSession, session } from './session';

declare module 'vue-router' {
  interface RouteMeta {
    layout?: 'seeker' | 'employer' | 'staff' | 'plain';
    roles?: Role[];
    title?: string;
  }
}

const seeker: Role[] = ['seeker'];
const employer: Role[] = ['employer'];
const staff: Role[] = ['staff', 'admin'];

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    component: () => import('./pages/auth/LoginPage.vue'),
    meta: { title: '登录' },
  },
  {
    path: '/login/sms',
    component: () => import('./pages/auth/SmsLoginPage.vue'),
    meta: { title: '短信验证码登录' },
  },
  {
    path: '/messages',
    component: () => import('./pages/messages/MessagesPage.vue'),
    meta: { layout: 'seeker', roles: seeker, title: '消息' },
  },
  {
    path: '/messages/:id',
    component: () => import('./pages/messages/ThreadPage.vue'),
    meta: { roles: [...seeker, ...employer], title: '消息' },
  },
  {
    path: '/employer/inbox',
    component: () => import('./pages/employer/InboxPage.vue'),
    meta: { layout: 'employer', roles: employer, title: '招聘消息' },
  },
  {
    path: '/me/alerts',
    component: () => import('./pages/seeker/AlertsPage.vue'),
    meta: { roles: seeker, title: '职位订阅' },
  },
  {
    path: '/alerts/unsubscribe/:token',
    component: () => import('./pages/seeker/UnsubscribePage.vue'),
    meta: { title: '退订职位推送' },
  },
  {
    path: '/register',
    component: () => import('./pages/auth/RegisterPage.vue'),
    meta: { title: '注册' },
  },
  {
    path: '/reset-password',
    component: () => import('./pages/auth/ResetPasswordPage.vue'),
    meta: { title: '找回密码' },
  },
  {
    path: '/',
    component: () => import('./pages/seeker/VacancyListPage.vue'),
    meta: { layout: 'seeker', title: '找工作' },
  },
  {
    path: '/vacancies/:id',
    component: () => import('./pages/seeker/VacancyPage.vue'),
    meta: { title: '岗位详情' },
  },
  {
    path: '/me',
    component: () => import('./pages/seeker/MePage.vue'),
    meta: { layout: 'seeker', roles: seeker, title: '我的' },
  },
  {
    path: '/me/resume',
    component: () => import('./pages/seeker/ResumePage.vue'),
    meta: { roles: seeker, title: '我的简历' },
  },
  {
    path: '/me/applications',
    component: () => import('./pages/seeker/ApplicationsPage.vue'),
    meta: { layout: 'seeker', roles: seeker, title: '我的申请' },
  },
  {
    path: '/me/applications/:id',
    component: () => import('./pages/seeker/ApplicationPage.vue'),
    meta: { roles: seeker, title: '申请进度' },
  },
  {
    path: '/me/recommendations',
    component: () => import('./pages/seeker/RecommendationsPage.vue'),
    meta: { roles: seeker, title: '为你推荐' },
  },
  {
    path: '/me/favourites',
    component: () => import('./pages/seeker/FavouritesPage.vue'),
    meta: { roles: seeker, title: '我的收藏' },
  },
  {
    path: '/me/privacy',
    component: () => import('./pages/seeker/PrivacyPage.vue'),
    meta: { roles: seeker, title: '隐私与账号' },
  },
  {
    path: '/fairs',
    component: () => import('./pages/fairs/FairsPage.vue'),
    meta: { layout: 'seeker', title: '招聘会' },
  },
  {
    path: '/fairs/:id',
    component: () => import('./pages/fairs/FairPage.vue'),
    meta: { title: '招聘会' },
  },
  {
    path: '/fairs/:id/ticket',
    component: () => import('./pages/fairs/TicketPage.vue'),
    meta: { roles: seeker, title: '入场码' },
  },
  {
    path: '/employer',
    component: () => import('./pages/employer/CompanyPage.vue'),
    meta: { layout: 'employer', roles: employer, title: '单位信息' },
  },
  {
    path: '/employer/vacancies',
    component: () => import('./pages/employer/EmployerVacanciesPage.vue'),
    meta: { layout: 'employer', roles: employer, title: '岗位管理' },
  },
  {
    path: '/employer/vacancies/new',
    component: () => import('./pages/employer/VacancyEditPage.vue'),
    meta: { roles: employer, title: '发布岗位' },
  },
  {
    path: '/employer/vacancies/:id',
    component: () => import('./pages/employer/VacancyEditPage.vue'),
    meta: { roles: employer, title: '编辑岗位' },
  },
  {
    path: '/employer/vacancies/:id/applicants',
    component: () => import('./pages/employer/ApplicantsPage.vue'),
    meta: { roles: employer, title: '应聘者' },
  },
  {
    path: '/employer/vacancies/:id/recommended',
    component: () => import('./pages/employer/RecommendedSeekersPage.vue'),
    meta: { roles: employer, title: '推荐人才' },
  },
  {
    path: '/employer/applications/:id',
    component: () => import('./pages/employer/ApplicantPage.vue'),
    meta: { roles: employer, title: '应聘者详情' },
  },
  {
    path: '/employer/import',
    component: () => import('./pages/employer/ImportPage.vue'),
    meta: { layout: 'employer', roles: employer, title: '批量导入岗位' },
  },
  {
    path: '/employer/fairs',
    component: () => import('./pages/employer/EmployerFairsPage.vue'),
    meta: { layout: 'employer', roles: employer, title: '招聘会' },
  },
  {
    path: '/employer/booths/:id',
    component: () => import('./pages/employer/BoothPage.vue'),
    meta: { roles: employer, title: '展位工作台' },
  },
  {
    path: '/gigs',
    component: () => import('./pages/gigs/GigsPage.vue'),
    meta: { layout: 'seeker', title: '零工' },
  },
  {
    path: '/gigs/post',
    component: () => import('./pages/gigs/GigPostPage.vue'),
    meta: { roles: [...seeker, ...employer], title: '发布零工' },
  },
  {
    path: '/gigs/availability',
    component: () => import('./pages/gigs/GigAvailabilityPage.vue'),
    meta: { roles: seeker, title: '我有空' },
  },
  {
    path: '/gigs/mine',
    component: () => import('./pages/gigs/MyGigsPage.vue'),
    meta: { roles: [...seeker, ...employer], title: '我的零工' },
  },
  {
    path: '/gigs/:id',
    component: () => import('./pages/gigs/GigPage.vue'),
    meta: { title: '零工详情' },
  },
  {
    path: '/gigs/:id/manage',
    component: () => import('./pages/gigs/GigManagePage.vue'),
    meta: { roles: [...seeker, ...employer, ...staff], title: '我发布的零工' },
  },
  {
    path: '/staff/gig-station',
    component: () => import('./pages/staff/GigStationPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '零工驿站' },
  },
  {
    path: '/staff',
    component: () => import('./pages/staff/DashboardPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '工作台' },
  },
  {
    path: '/staff/employers',
    component: () => import('./pages/staff/StaffEmployersPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '单位认证' },
  },
  {
    path: '/staff/reviews',
    component: () => import('./pages/staff/ReviewQueuePage.vue'),
    meta: { layout: 'staff', roles: staff, title: '岗位审核' },
  },
  {
    path: '/staff/seekers/new',
    component: () => import('./pages/staff/AssistedRegistrationPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '代为登记' },
  },
  {
    path: '/staff/message-reports',
    component: () => import('./pages/staff/MessageReportsPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '消息举报与审核' },
  },
  {
    path: '/staff/jobs',
    component: () => import('./pages/staff/FailedJobsPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '失败任务' },
  },
  {
    path: '/staff/fairs',
    component: () => import('./pages/staff/StaffFairsPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '招聘会' },
  },
  {
    path: '/staff/fairs/:id',
    component: () => import('./pages/staff/StaffFairPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '招聘会管理' },
  },
  {
    path: '/staff/fairs/:id/live',
    component: () => import('./pages/staff/FairLivePage.vue'),
    meta: { layout: 'staff', roles: staff, title: '现场大屏' },
  },
  {
    path: '/staff/fairs/:id/door',
    component: () => import('./pages/staff/DoorPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '入场签到' },
  },
  {
    path: '/staff/seekers',
    component: () => import('./pages/staff/SeekerLedgerPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '求职者台账' },
  },
  {
    path: '/staff/ledger-import',
    component: () => import('./pages/staff/LedgerImportPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '台账导入' },
  },
  {
    path: '/staff/subsidies',
    component: () => import('./pages/staff/SubsidiesPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '公益性岗位补贴' },
  },
  {
    path: '/staff/paper-notices',
    component: () => import('./pages/staff/PaperNoticesPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '纸质通知' },
  },
  {
    path: '/staff/demo-data',
    component: () => import('./pages/staff/DemoDataPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '演示数据' },
  },
  {
    path: '/staff/statistics',
    component: () => import('./pages/staff/StatisticsPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '统计报表' },
  },
  {
    path: '/staff/fairs/:id/window-tickets/:profileId',
    component: () => import('./pages/staff/WindowTicketPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '打印入场券' },
  },
  {
    path: '/staff/search-vocabulary',
    component: () => import('./pages/staff/SearchVocabularyPage.vue'),
    meta: { layout: 'staff', roles: staff, title: '搜索词库' },
  },
  {
    path: '/:rest(.*)*',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { title: '页面不存在' },
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const account = await loadSession();
  const roles = to.meta.roles;
  // Signed in but offline: stay, the page says the network is down (App.vue).
  if (session.unreachable) return true;
  if (roles && !account) return { path: '/login', query: { redirect: to.fullPath } };
  if (roles && account && !roles.includes(account.role)) return ROLE_HOME[account.role] ?? '/';
  if (to.path === '/' && account && account.role !== 'seeker') return ROLE_HOME[account.role];
  return true;
});

router.afterEach((to) => {
  // A toast belongs to the page that showed it.
  closeToast(true);
  document.title = to.meta.title ? `${to.meta.title} · 即聘` : '即聘';
});

// A page's code that cannot be fetched (offline): say so instead of doing nothing.
router.onError((error, to) => {
  if (!isChunkLoadError(error)) throw error;
  network.down = true;
  network.pendingPath = to.fullPath;
});

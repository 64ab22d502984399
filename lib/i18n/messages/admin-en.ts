/** The admin console's navigation and overview (the other admin pages are English only for now). */
export const adminEn = {
  title: "Admin",
  nav: "Admin",
  overview: "Overview",
  moderation: "Moderation",
  reports: "Reports",
  users: "Users",
  disputes: "Disputes",
  audit: "Audit log",
  heading: "Admin overview",
  pendingReviews: "Pending reviews",
  openReports: "Open reports",
  bannedUsers: "Banned users",
  openDisputes: "Open disputes",
  byStatus: "Listings by status",
  volume: "Volume and fees",
};

-- A person's groups across districts (我的数据 and 注销账号 look them up by the leader alone).
create index youth_group_leader on youth_group (leader_id);

CREATE TABLE `own_keys` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`public_record` text NOT NULL,
	`private_record` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `operators` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`password_changed_at` text NOT NULL,
	`last_login_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_name_unique` ON `operators` (`name`);--> statement-breakpoint
CREATE INDEX `operators_role_idx` ON `operators` (`role`);--> statement-breakpoint
ALTER TABLE `archive_info` ADD `idle_lock_minutes` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
ALTER TABLE `exchange_packages` ADD `audit_length` integer;--> statement-breakpoint
ALTER TABLE `exchange_packages` ADD `audit_head` text;
CREATE TABLE `exchange_keys` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`org` text,
	`signing_key` text NOT NULL,
	`encryption_key` text NOT NULL,
	`record` text NOT NULL,
	`created_at` text NOT NULL,
	`checked_by` text NOT NULL,
	`checked_at` text NOT NULL,
	`method` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`revoked_at` text,
	`revoked_by` text,
	`revoked_reason` text,
	`valid_through_seq` integer,
	`last_accepted_seq` integer,
	`township_id` text
);
--> statement-breakpoint
CREATE INDEX `exchange_keys_role_idx` ON `exchange_keys` (`role`,`status`);--> statement-breakpoint
CREATE TABLE `exchange_packages` (
	`package_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`direction` text NOT NULL,
	`seq` integer NOT NULL,
	`sender_fingerprint` text NOT NULL,
	`sender_name` text NOT NULL,
	`recipient_fingerprint` text,
	`recipient_name` text,
	`payload_sha256` text NOT NULL,
	`answers_to_id` text,
	`answers_to_sha256` text,
	`bytes` integer,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	`authenticated` integer NOT NULL,
	`scope` text,
	`township_id` text,
	`file` text,
	`result` text NOT NULL,
	`summary` text
);
--> statement-breakpoint
CREATE INDEX `exchange_packages_order_idx` ON `exchange_packages` (`direction`,`kind`,`sender_fingerprint`,`seq`);--> statement-breakpoint
CREATE INDEX `exchange_packages_township_idx` ON `exchange_packages` (`township_id`,`at`);--> statement-breakpoint
CREATE TABLE `exchange_rows` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`township_id` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE INDEX `exchange_rows_township_idx` ON `exchange_rows` (`township_id`,`table_name`);--> statement-breakpoint
CREATE TABLE `review_opinions` (
	`id` text PRIMARY KEY NOT NULL,
	`township_id` text NOT NULL,
	`package_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`step_id` text NOT NULL,
	`step_seq` integer NOT NULL,
	`step_code` text NOT NULL,
	`household_id` text DEFAULT '' NOT NULL,
	`opinion` text NOT NULL,
	`reason` text,
	`reviewer` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`sent_in` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_opinions_step_household_unique` ON `review_opinions` (`step_id`,`household_id`);--> statement-breakpoint
CREATE INDEX `review_opinions_township_idx` ON `review_opinions` (`township_id`,`batch_id`);--> statement-breakpoint
CREATE TABLE `review_received` (
	`id` text PRIMARY KEY NOT NULL,
	`package_id` text NOT NULL,
	`received_at` text NOT NULL,
	`batch_id` text NOT NULL,
	`step_seq` integer NOT NULL,
	`household_id` text DEFAULT '' NOT NULL,
	`opinion` text NOT NULL,
	`reason` text,
	`reviewer` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`effect` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `review_received_batch_idx` ON `review_received` (`batch_id`,`step_seq`);
CREATE TABLE `screening_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`list_id` text NOT NULL,
	`household_id` text NOT NULL,
	`member_id` text,
	`department` text NOT NULL,
	`row_no` integer NOT NULL,
	`matched_by` text NOT NULL,
	`reason` text NOT NULL,
	`figures` text NOT NULL,
	`status` text NOT NULL,
	`due_on` text NOT NULL,
	`result` text,
	`resolved_by` text,
	`resolved_on` text,
	`batch_id` text,
	FOREIGN KEY (`list_id`) REFERENCES `screening_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `screening_alerts_list_idx` ON `screening_alerts` (`list_id`);--> statement-breakpoint
CREATE INDEX `screening_alerts_household_idx` ON `screening_alerts` (`household_id`);--> statement-breakpoint
CREATE INDEX `screening_alerts_status_idx` ON `screening_alerts` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `screening_lists` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`department` text NOT NULL,
	`file_name` text NOT NULL,
	`title` text NOT NULL,
	`list_date` text NOT NULL,
	`imported_on` text NOT NULL,
	`rows` integer NOT NULL,
	`hits` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `screening_lists_department_idx` ON `screening_lists` (`department`,`imported_on`);
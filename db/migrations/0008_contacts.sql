ALTER TABLE `townships` ADD `supervision_phones` text;--> statement-breakpoint
ALTER TABLE `townships` ADD `office_address` text;--> statement-breakpoint
ALTER TABLE `townships` ADD `office_phone` text;--> statement-breakpoint
ALTER TABLE `villages` ADD `committee_phone` text;
ALTER TABLE `meetings` ADD `starts_at` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `ends_at` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `vote_method` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `scrutineer` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `teller` text;
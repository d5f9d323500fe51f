#!/bin/sh
# Prisma's native schema engine cannot be downloaded on our machines; migrations are
# plain SQL applied by scripts/migrate.ts. See docs/database.md.
echo "Prisma Migrate is not used in this project: run 'npm run db:migrate'." >&2
exit 1

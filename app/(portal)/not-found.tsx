import { NotFoundContent } from "@/components/layout/not-found-content";

// Rendered inside this group's layout, which already draws the header and footer.
export default function NotFound() {
  return <NotFoundContent />;
}

import { formatCents } from "../../lib/format";
import type { EmployerDashboard } from "./employer-billing-api";

const buckets = [
  ["current", "0–30 days"],
  ["31_60", "31–60 days"],
  ["61_90", "61–90 days"],
  ["over_90", "Over 90 days"],
] as const satisfies ReadonlyArray<readonly [keyof EmployerDashboard["aging"], string]>;

/** Open amounts by age as horizontal bars (plain SVG), with the figures as text so nothing depends on the picture. */
export const AgingChart = ({ aging }: { aging: EmployerDashboard["aging"] }) => {
  const max = Math.max(1, ...buckets.map(([k]) => aging[k]));
  const rowHeight = 28;
  return (
    <figure className="aging-chart">
      <svg
        role="img"
        aria-label={`Aging: ${buckets.map(([k, label]) => `${label} ${formatCents(aging[k])}`).join(", ")}`}
        viewBox={`0 0 400 ${buckets.length * rowHeight}`}
        width="100%"
        style={{ maxWidth: 480 }}
      >
        {buckets.map(([k, label], i) => {
          const width = Math.round((aging[k] / max) * 200);
          const y = i * rowHeight;
          return (
            <g key={k} data-bucket={k}>
              <text x={0} y={y + 18} fontSize={12} fill="currentColor">
                {label}
              </text>
              <rect
                x={95}
                y={y + 6}
                width={width}
                height={16}
                rx={2}
                fill={k === "current" ? "#4a7fb5" : k === "over_90" ? "#b5483f" : "#d39b3a"}
              />
              <text x={100 + width} y={y + 18} fontSize={12} fill="currentColor">
                {formatCents(aging[k])}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
};

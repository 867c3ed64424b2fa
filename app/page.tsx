import { Lobby } from "./_components/lobby";

export default function HomePage() {
  return <Lobby />;
}

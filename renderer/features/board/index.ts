export { BoardScreen } from './board-screen';

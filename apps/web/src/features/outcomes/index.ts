export { OutcomesPanel } from './components/OutcomesPanel';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ParticipantApp } from './participant-app';
import './participant.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><ParticipantApp /></StrictMode>);

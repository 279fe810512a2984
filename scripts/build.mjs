// npm run build: compiles src/ to dist/ with tsc (tsconfig.build.json) and
// copies what the compiled server reads beside its modules: the SQL
// migrations. The views, instruments and report definitions are read from the
// project folder, as in development.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const projectDir = path.resolve(import.meta.dirname, '..');
rmSync(path.join(projectDir, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [path.join(projectDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(projectDir, 'tsconfig.build.json')], { stdio: 'inherit' });
cpSync(path.join(projectDir, 'src', 'storage', 'migrations'), path.join(projectDir, 'dist', 'storage', 'migrations'), { recursive: true });

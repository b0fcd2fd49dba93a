import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AssemblyTheme, Gender, MemberCategory, TerritoryType } from '@palabre/contracts';

/** The standing body whose members are invited to sessions. */
@Entity()
export class Assembly {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  /** The organiser's colours and logo on the projector; null for Palabre's own look. */
  @Column({ type: 'jsonb', nullable: true }) theme: AssemblyTheme | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A roster member of an assembly. */
@Entity()
@Index(['assemblyId', 'rosterKey'], { unique: true })
export class Member {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) assemblyId: string;
  /** Lower-cased email, or name|perimeter when there is none: the key a re-import updates. */
  @Column({ type: 'text' }) rosterKey: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'text' }) perimeter: string;
  @Column({ type: 'text' }) territoryType: TerritoryType;
  @Column({ type: 'text' }) category: MemberCategory;
  @Column({ type: 'text' }) gender: Gender;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

import type { Gender, MemberCategory, RosterLine, TerritoryType } from '@palabre/contracts';

/** Fictional perimeters of Occitanie's territorial contracts, by type (58 in all). */
const PERIMETERS: Record<TerritoryType, string[]> = {
  metropole: ['Montpellier Méditerranée Métropole', 'Toulouse Métropole'],
  agglomeration: [
    'Agglo Hérault Méditerranée', 'Béziers Méditerranée', 'Carcassonne Agglo', 'Castres-Mazamet', 'Grand Albigeois', 'Grand Auch Cœur de Gascogne',
    'Grand Cahors', 'Grand Montauban', 'Grand Narbonne', 'Muretain Agglo', 'Nîmes Métropole', 'Perpignan Méditerranée', 'Rodez Agglomération',
    'Sète Agglopôle Méditerranée', 'Sicoval', 'Tarbes-Lourdes-Pyrénées', 'Alès Agglomération', 'Gaillac-Graulhet', 'Pays de l’Or',
  ],
  territoire_projet: [
    'Pays Cœur d’Hérault', 'Pays Haut Languedoc et Vignobles', 'PNR des Grands Causses', 'PNR des Causses du Quercy', 'PNR du Haut-Languedoc',
    'PNR des Pyrénées catalanes', 'PNR de l’Aubrac', 'PETR du Pays Lauragais', 'PETR Pays Portes de Gascogne', 'PETR du Grand Quercy',
    'Pays Pyrénées-Méditerranée', 'Pays de la Vallée de la Garonne', 'PETR Causses et Vallée de la Dordogne', 'Pays Corbières-Minervois',
    'PETR Cœur des Hautes-Pyrénées', 'Pays Uzège-Pont du Gard', 'Pays Garrigues et Costières de Nîmes', 'PETR Figeac-Quercy-Vallée de la Dordogne',
    'Pays Val d’Adour', 'PETR Pays Sud Toulousain',
  ],
  bourg_centre: [
    'Millau', 'Figeac', 'Lodève', 'Limoux', 'Saint-Gaudens', 'Mende', 'Lannemezan', 'Prades', 'Saint-Affrique', 'Lavaur', 'Villefranche-de-Rouergue',
    'Marvejols', 'Le Vigan', 'Quillan', 'Bagnères-de-Bigorre', 'Saint-Girons', 'Mirande',
  ],
};

const FIRST_F = ['Élodie', 'Camille', 'Nathalie', 'Sophie', 'Maëlle', 'Claire', 'Inès', 'Agnès', 'Hélène', 'Laure', 'Manon', 'Chloé', 'Isabelle', 'Fatima', 'Céline', 'Anne', 'Émilie', 'Lucie', 'Margaux', 'Josiane'];
const FIRST_M = ['Julien', 'Thierry', 'Mathieu', 'Karim', 'Jérôme', 'Olivier', 'François', 'Bastien', 'Grégoire', 'Hugo', 'Pascal', 'Antoine', 'Rémi', 'Yannick', 'Étienne', 'Nicolas', 'Loïc', 'Didier', 'Samuel', 'Benoît'];
const LAST = ['Martin', 'Bernard', 'Fabre', 'Roux', 'Vidal', 'Bonnet', 'Garcia', 'Molinier', 'Azéma', 'Barthès', 'Cazals', 'Delmas', 'Escande', 'Fournier', 'Gaubert', 'Héral', 'Lacombe', 'Marty', 'Nougaret', 'Pujol', 'Rouquette', 'Salles', 'Teisseyre', 'Vergnes', 'Bousquet', 'Castan', 'Durand', 'Estève', 'Ferrié', 'Guiraud'];

/** About 230 fictional members: every perimeter represented, parity, about 60 % élus. Deterministic. */
export function demoRoster(size = 230): RosterLine[] {
  const types = Object.keys(PERIMETERS) as TerritoryType[];
  const perimeters = types.flatMap((t) => PERIMETERS[t].map((p) => ({ t, p })));
  return Array.from({ length: size }, (_, i) => {
    const gender: Gender = i % 2 === 0 ? 'femme' : 'homme';
    const first = (gender === 'femme' ? FIRST_F : FIRST_M)[(i * 7) % 20];
    const last = LAST[(i * 11 + Math.floor(i / 30)) % LAST.length];
    const { t, p } = perimeters[i % perimeters.length];
    const category: MemberCategory = i % 5 < 3 ? 'elu' : 'citoyen';
    const slug = `${first}.${last}.${i}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    return { name: `${first} ${last}`, email: `${slug}@exemple.occitanie.test`, perimeter: p, territoryType: t, category, gender };
  });
}
